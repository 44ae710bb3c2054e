/**
 * Strings of the consultation's later additions (附议, the 主持人 entry, where a
 * comment falls, the deadline), merged into `zh` / `en` in strings.ts beside
 * the session strings, so this work does not collide with edits there.
 */
export const consultationZh = {
  'support.button': '附议',
  'support.withdraw': '取消附议',
  'support.done': '已附议',
  'support.count': '{n} 人附议',
  'support.withdrawn': '已取消附议',
  'support.note': '同意这条意见就点附议；每台设备一次，可以取消。',
  'support.own': '这是你的意见，不能给自己附议。',
  'comments.sort': '排序',
  'comments.sort.newest': '最新',
  'comments.sort.support': '附议最多',
  'projector.mostSupported': '附议最多',
  'projector.noSupport': '还没有附议',
  'placement.zone': '所在片区',
  'placement.noZone': '不在“一带三区”内',
  'placement.place': '最近的规划地点',
  'placement.noPlace': '2 公里内没有规划地点',
  'placement.km': '相距 {km} 公里',
  'placement.chapters': '相关章节',
  'placement.note': '由服务器在收到意见时按示意片区和规划地点计算，仅供归类。',
} as const satisfies Record<string, string>;

export const consultationEn: Record<keyof typeof consultationZh, string> = {
  'support.button': 'Second',
  'support.withdraw': 'Withdraw my second',
  'support.done': 'Seconded',
  'support.count': 'Seconded by {n}',
  'support.withdrawn': 'Your second was withdrawn',
  'support.note': 'Agree with this comment? Second it: once per device, and you can withdraw.',
  'support.own': 'This is your own comment: you cannot second it.',
  'comments.sort': 'Sort',
  'comments.sort.newest': 'Newest',
  'comments.sort.support': 'Most seconded',
  'projector.mostSupported': 'Most seconded',
  'projector.noSupport': 'No seconds yet',
  'placement.zone': 'Zone',
  'placement.noZone': 'Outside the one belt, three zones',
  'placement.place': 'Nearest plan place',
  'placement.noPlace': 'No plan place within 2 km',
  'placement.km': '{km} km away',
  'placement.chapters': 'Chapters',
  'placement.note':
    'Worked out by the server when the comment arrived, from the schematic zones and plan places; for sorting only.',
};
