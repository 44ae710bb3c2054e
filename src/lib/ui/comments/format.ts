import type { Lang } from '../../i18n';

/** A comment's time as a reader expects it, in the device's time zone. */
export function formatTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}
