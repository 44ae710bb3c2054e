/**
 * Strings of a session's deadline and of the reader's comment counts (issue 22),
 * both languages in one table that only lazy chunks import (see `lazyTr`): the
 * first load is at its budget, so these stay out of strings.ts / en.ts.
 */
export const closingZh = {
  'deadline.left': '还剩 {time}',
  'deadline.days': '{d} 天 {h} 小时',
  'deadline.hours': '{h} 小时 {m} 分',
  'deadline.minutes': '{m} 分钟',
  'deadline.closed': '征集已截止',
  'deadline.at': '截止时间：{time}',
  'deadline.formClosed':
    '征集已截止，这条意见不能再发送。你写的内容仍保存在本机（草稿），不会丢失。',
  'deadline.label': '截止时间（可选）',
  'deadline.note': '到时服务器不再接收新意见和附议；参与者手机上显示剩余时间。',
  'deadline.set': '设置截止时间',
  'deadline.clear': '取消截止时间',
  'deadline.none': '未设截止时间',
  'deadline.saved': '截止时间已设为 {time}',
  'deadline.cleared': '已取消截止时间',
  'deadline.empty': '请先选择日期和时间',
  'deadline.audit.set': '设置截止时间：{time}',
  'deadline.audit.removed': '取消截止时间',
  'readerComments.count': '{n} 条意见',
  'readerComments.open': '{title}：{n} 条意见，在意见列表中查看',
} as const satisfies Record<string, string>;

export type ClosingKey = keyof typeof closingZh;

export const closingEn: Record<ClosingKey, string> = {
  'deadline.left': '{time} left',
  'deadline.days': '{d} d {h} h',
  'deadline.hours': '{h} h {m} min',
  'deadline.minutes': '{m} min',
  'deadline.closed': 'Closed',
  'deadline.at': 'Closes at {time}',
  'deadline.formClosed':
    'The consultation has closed: this comment can no longer be sent. What you wrote is still kept on this device (as a draft), nothing is lost.',
  'deadline.label': 'Deadline (optional)',
  'deadline.note':
    'From then on the server takes no new comments or seconds; participants’ phones show the time left.',
  'deadline.set': 'Set deadline',
  'deadline.clear': 'Remove deadline',
  'deadline.none': 'No deadline',
  'deadline.saved': 'Deadline set to {time}',
  'deadline.cleared': 'Deadline removed',
  'deadline.empty': 'Choose a date and time first',
  'deadline.audit.set': 'Deadline set: {time}',
  'deadline.audit.removed': 'Deadline removed',
  'readerComments.count': '{n} comments',
  'readerComments.open': '{n} comments on {title}: show them in the comment list',
};
