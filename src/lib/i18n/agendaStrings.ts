/**
 * Strings of the session agenda (议程). They ship with the agenda's components in
 * the lazy session chunk, not in the first load's tables (strings.ts / en.ts), so
 * the first map view does not carry them; `agendaText` picks the language the UI
 * shows (`stringsLang`).
 */
export const agendaZh = {
  'agenda.title': '议程',
  'agenda.none': '还没有议题。把地图调到要讨论的地方（或打开一节规划），再添加议题。',
  'agenda.topicTitle': '议题',
  'agenda.useSection': '附上正在阅读的章节 {ref}',
  'agenda.noSection': '（阅读器里没有打开的章节）',
  'agenda.useView': '附上当前地图（视角、图层和筛选）',
  'agenda.minutes': '限时（分钟，可不填）',
  'agenda.add': '添加议题',
  'agenda.save': '保存修改',
  'agenda.cancel': '取消',
  'agenda.edit': '编辑',
  'agenda.remove': '删除',
  'agenda.up': '上移',
  'agenda.down': '下移',
  'agenda.discuss': '正在讨论',
  'agenda.discussing': '讨论中',
  'agenda.stop': '结束当前议题',
  'agenda.view': '地图视图',
  'agenda.minutesShort': '{n} 分钟',
  'agenda.needsPlace': '请附上章节或当前地图。',
  'agenda.pushed': '已推送到所有手机和投影：{title}',
  'agenda.now': '正在讨论',
  'agenda.switched': '主持人已切换到 {topic}',
  'agenda.go': '前往',
  'agenda.dismiss': '稍后',
  'agenda.left': '剩余 {time}',
  'agenda.over': '超时 {time}',
  'agenda.auditAgenda': '修改议程',
  'agenda.auditDiscuss': '切换议题',
} as const satisfies Record<string, string>;

export type AgendaKey = keyof typeof agendaZh;

export const agendaEn: Record<AgendaKey, string> = {
  'agenda.title': 'Agenda',
  'agenda.none':
    'No topics yet. Move the map to what should be discussed (or open a plan section), then add a topic.',
  'agenda.topicTitle': 'Topic',
  'agenda.useSection': 'Attach the section open in the reader {ref}',
  'agenda.noSection': '(no section open in the reader)',
  'agenda.useView': 'Attach the current map (view, layers and filters)',
  'agenda.minutes': 'Time box (minutes, optional)',
  'agenda.add': 'Add topic',
  'agenda.save': 'Save changes',
  'agenda.cancel': 'Cancel',
  'agenda.edit': 'Edit',
  'agenda.remove': 'Remove',
  'agenda.up': 'Move up',
  'agenda.down': 'Move down',
  'agenda.discuss': 'Now discussing',
  'agenda.discussing': 'Being discussed',
  'agenda.stop': 'End the current topic',
  'agenda.view': 'map view',
  'agenda.minutesShort': '{n} min',
  'agenda.needsPlace': 'Attach a section or the current map.',
  'agenda.pushed': 'Pushed to every phone and the projector: {title}',
  'agenda.now': 'Now discussing',
  'agenda.switched': 'The facilitator moved on to {topic}',
  'agenda.go': 'Go there',
  'agenda.dismiss': 'Later',
  'agenda.left': '{time} left',
  'agenda.over': '{time} over',
  'agenda.auditAgenda': 'Agenda changed',
  'agenda.auditDiscuss': 'Topic pushed',
};
