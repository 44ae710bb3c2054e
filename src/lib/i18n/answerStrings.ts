/**
 * Strings of the facilitator's answers to comments (issue 22), zh and en. Only
 * the session's screens show answers (lazy chunks), so these load with them
 * (through `answerText`, src/lib/ui/session/answerText.ts) instead of weighing
 * on every phone's first load. The state names follow the 意见采纳情况 tables
 * published after a 征求意见.
 */
export const answerZh = {
  'state.adopted': '采纳',
  'state.partly': '部分采纳',
  'state.rejected': '不采纳',
  'state.in_plan': '规划已有安排',
  'state.studying': '研究中',
  title: '主持人答复',
  mine: '对你的意见的答复',
  reason: '不采纳理由：{reason}',
  section: '见规划 {section}',
  'form.title': '答复这条意见',
  'form.change': '修改答复',
  'form.state': '答复状态',
  'form.choose': '请选择…',
  'form.reply': '公开答复（最多 1000 字）',
  'form.reason': '不采纳理由（必填）',
  'form.section': '规划章节（如 6.1）',
  'form.send': '发布答复',
  'form.sent': '答复已发布',
  'form.hidden': '隐藏的意见不能公开答复；请先恢复。',
  'form.needReason': '不采纳需要写明理由。',
  'form.needSection': '请填写规划已有安排的章节。',
  'form.note': '答复对所有人公开；修改后以前的答复仍保留在记录中。',
} as const satisfies Record<string, string>;

export type AnswerKey = keyof typeof answerZh;

export const answerEn: Record<AnswerKey, string> = {
  'state.adopted': 'Adopted',
  'state.partly': 'Partly adopted',
  'state.rejected': 'Not adopted',
  'state.in_plan': 'Already in the plan',
  'state.studying': 'Under study',
  title: 'Facilitator’s answer',
  mine: 'Answer to your comment',
  reason: 'Why not: {reason}',
  section: 'See plan {section}',
  'form.title': 'Answer this comment',
  'form.change': 'Change the answer',
  'form.state': 'Answer',
  'form.choose': 'Choose…',
  'form.reply': 'Public reply (up to 1,000 characters)',
  'form.reason': 'Why it is not adopted (required)',
  'form.section': 'Plan section (e.g. 6.1)',
  'form.send': 'Publish the answer',
  'form.sent': 'Answer published',
  'form.hidden': 'A hidden comment cannot carry a public answer; restore it first.',
  'form.needReason': '“Not adopted” needs a reason.',
  'form.needSection': 'Name the plan section it is already in.',
  'form.note': 'Answers are public; when you change one, the earlier answer stays on record.',
};
