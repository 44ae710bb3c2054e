/**
 * Strings of moderation at scale (pre-moderation, bulk actions, the keyword
 * filter, restore reasons, the audit CSV), merged into `zh` / `en` in
 * strings.ts beside the session strings.
 */
export const moderationZh = {
  'session.awaiting': '待审核',
  'premoderation.label': '先审后发：意见经主持人通过后才公开',
  'premoderation.note': '关闭后，已在等待的意见仍需逐条通过或隐藏。',
  'moderation.pendingBadge': '待审核',
  'moderation.approve': '通过',
  'moderation.approved': '已通过',
  'moderation.restoreReason': '恢复原因（可选）',
  'moderation.filter': '按关键词筛选',
  'moderation.filterNote': '在已载入的 {n} 条中筛选',
  'moderation.onlyPending': '只看待审核（{n}）',
  'moderation.select': '选择',
  'moderation.selectAll': '全选显示的 {n} 条',
  'moderation.selected': '已选 {n} 条',
  'moderation.bulkHide': '隐藏所选',
  'moderation.bulkApprove': '通过所选',
  'moderation.bulkDone': '已处理 {n} 条',
  'moderation.tooMany': '一次最多处理 {n} 条，请缩小选择。',
  'audit.action.approve': '通过意见',
  'audit.csv': '下载审核日志（CSV）',
} as const satisfies Record<string, string>;

export const moderationEn: Record<keyof typeof moderationZh, string> = {
  'session.awaiting': 'Awaiting approval',
  'premoderation.label': 'Pre-moderation: comments appear once the facilitator approves them',
  'premoderation.note':
    'Turning it off releases nothing: comments already waiting still need approving or hiding.',
  'moderation.pendingBadge': 'Awaiting approval',
  'moderation.approve': 'Approve',
  'moderation.approved': 'Approved',
  'moderation.restoreReason': 'Reason for restoring (optional)',
  'moderation.filter': 'Filter by keyword',
  'moderation.filterNote': 'Filters the {n} loaded comments',
  'moderation.onlyPending': 'Awaiting approval only ({n})',
  'moderation.select': 'Select',
  'moderation.selectAll': 'Select all {n} shown',
  'moderation.selected': '{n} selected',
  'moderation.bulkHide': 'Hide selected',
  'moderation.bulkApprove': 'Approve selected',
  'moderation.bulkDone': '{n} comments done',
  'moderation.tooMany': 'At most {n} at once; narrow the selection.',
  'audit.action.approve': 'Comment approved',
  'audit.csv': 'Download the audit log (CSV)',
};
