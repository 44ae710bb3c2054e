/**
 * Strings of the facilitator accounts (issue 21): the login's account field,
 * 主持人账号 and the audit log's 操作人. Only facilitator screens show them, so
 * the Chinese ones come with the session chunk (`registerFacilitatorStrings`,
 * called by sessionState.svelte.ts) instead of the first load, which has no room left
 * under its budget; English has them in en.ts like every other string.
 */
import { STRINGS } from './strings.ts';

export const facilitatorZh = {
  'facilitatorTools.username': '主持人账号',
  'facilitators.title': '主持人账号',
  'facilitators.note': '每位主持人用自己的账号登录，审核日志记下是谁操作的。',
  'facilitators.you': '（你）',
  'facilitators.remove': '移除',
  'facilitators.removeLabel': '移除主持人 {name}',
  'facilitators.confirmRemove': '确认移除 {name}',
  'facilitators.cancel': '取消',
  'facilitators.name': '新主持人账号名',
  'facilitators.password': '初始密码（至少 {n} 个字符）',
  'facilitators.addButton': '添加主持人',
  'facilitators.added': '已添加主持人 {name}',
  'facilitators.removed': '已移除 {name}，其登录已结束',
  'audit.by': '操作人：{name}',
} as const satisfies Record<string, string>;

export const facilitatorEn: Record<keyof typeof facilitatorZh, string> = {
  'facilitatorTools.username': 'Facilitator account',
  'facilitators.title': 'Facilitators',
  'facilitators.note':
    'Each facilitator logs in with their own account, so the audit log says who did what.',
  'facilitators.you': '(you)',
  'facilitators.remove': 'Remove',
  'facilitators.removeLabel': 'Remove facilitator {name}',
  'facilitators.confirmRemove': 'Remove {name} now',
  'facilitators.cancel': 'Cancel',
  'facilitators.name': 'New facilitator’s name',
  'facilitators.password': 'First password (at least {n} characters)',
  'facilitators.addButton': 'Add facilitator',
  'facilitators.added': 'Facilitator {name} added',
  'facilitators.removed': '{name} removed; their logins have ended',
  'audit.by': 'by {name}',
};

/** Adds the Chinese facilitator strings to the loaded table (idempotent). */
export function registerFacilitatorStrings(): void {
  Object.assign(STRINGS.zh, facilitatorZh);
}
