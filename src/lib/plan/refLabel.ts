import type { PlanDocument } from '../data/plan';
import { t, type Lang } from '../i18n';

/**
 * How the plan itself names one of its parts, for any place that shows a section ref
 * (search results, feature cards, comments): "第 5.1 节", "专栏五", "表二", "注3"; in English
 * "Section 5.1", "Box 5", "Table 2", "Note 3". Ids are never shown raw ("box5"): in Chinese the
 * plan's own label is used when the document is loaded, else the UI's numbered form.
 * @param id a chapter, section, box, table or footnote id ("5.1", "box5", "table2", "fn3")
 * @param doc the plan, or null while it loads
 * @param lang the UI language
 * @example sectionRefLabel('box5', doc, 'zh') // '专栏五'
 */
export function sectionRefLabel(
  id: string,
  doc: PlanDocument | null | undefined,
  lang: Lang,
): string {
  const en = lang === 'en';
  const box = /^box(\d+)$/.exec(id);
  if (box) {
    const own = en ? undefined : doc?.boxes.find((b) => b.id === id)?.label;
    return own ?? t('reader.box', lang, { n: box[1]! });
  }
  const table = /^table(\d+)$/.exec(id);
  if (table) {
    const own = en ? undefined : doc?.tables.find((x) => x.id === id)?.label;
    return own ?? t('reader.table', lang, { n: table[1]! });
  }
  const fn = /^fn(\d+)$/.exec(id);
  if (fn) return t('reader.footnote', lang, { n: fn[1]! });
  return t('reader.section', lang, { section: id });
}
