/**
 * Strings of the facilitator accounts (issue 21): the login's account field,
 * 主持人账号, changing one's own password and the audit log's 操作人. Only facilitator screens show them, so
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
  'password.title': '修改我的密码',
  'password.current': '当前密码',
  'password.new': '新密码（至少 {n} 个字符）',
  'password.repeat': '再次输入新密码',
  'password.submit': '修改密码',
  'password.changed': '密码已修改。你在其他设备和浏览器上的登录已结束，这里仍保持登录。',
  'password.wrongCurrent': '当前密码不对，密码没有修改。',
  'password.tooShort': '新密码太短：至少要 {n} 个字符。',
  'password.mismatch': '两次输入的新密码不一样。',
  'password.tooMany': '密码错误次数太多，请 {n} 秒后再试。',
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
  'password.title': 'Change my password',
  'password.current': 'Current password',
  'password.new': 'New password (at least {n} characters)',
  'password.repeat': 'New password again',
  'password.submit': 'Change password',
  'password.changed':
    'Password changed. Your logins on other devices and browsers have ended; this one stays logged in.',
  'password.wrongCurrent': 'The current password is wrong; nothing changed.',
  'password.tooShort': 'The new password is too short: it needs at least {n} characters.',
  'password.mismatch': 'The two new passwords differ.',
  'password.tooMany': 'Too many wrong passwords; try again in {n} s.',
};

/** Adds the Chinese facilitator strings to the loaded table (idempotent). */
export function registerFacilitatorStrings(): void {
  Object.assign(STRINGS.zh, facilitatorZh);
}
