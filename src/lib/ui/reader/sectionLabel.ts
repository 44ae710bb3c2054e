import type { PlanDocument } from '../../data/plan';
import { t, type Lang } from '../../i18n';

/**
 * "第 5.1 节", "专栏五", "注3", "表二": how the plan itself refers to its parts. In English the
 * UI names the part (Box 5); the plan's own labels (专栏五, 表一) are Chinese.
 * @param plan the plan model, for box and table labels (ids are used while it loads)
 */
export function sectionLabel(
  id: string,
  lang: Lang,
  plan: PlanDocument | null | undefined,
): string {
  const en = lang === 'en';
  if (id.startsWith('box'))
    return en
      ? t('reader.box', lang, { n: id.slice(3) })
      : (plan?.boxes.find((b) => b.id === id)?.label ?? id);
  if (id.startsWith('fn')) return t('reader.footnote', lang, { n: id.slice(2) });
  if (id.startsWith('table'))
    return en
      ? t('reader.table', lang, { n: id.slice(5) })
      : (plan?.tables.find((x) => x.id === id)?.label ?? id);
  return t('reader.section', lang, { section: id });
}
