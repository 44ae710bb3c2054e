import type { Investment, LeadBody, PlanFactFields, Years } from '../data/planFacts';
import { t } from './index.ts';
import type { Lang } from './strings.ts';

/**
 * A project's investment, lead body and years as the card and the project table write them:
 * the plan's figure in the reader's language, or 未注明 / “not stated” where the plan is silent.
 * A programme total says it is the programme's and that the project's share is not stated.
 * @example investmentText({ amount_yi: 2, approx: true, scope: 'project', … }, 'zh') // '约 2 亿元'
 */
export function investmentText(i: Investment | undefined, lang: Lang): string {
  if (!i) return t('facts.notStated', lang);
  const figure = t(i.approx ? 'facts.amountApprox' : 'facts.amount', lang, { amount: i.amount_yi });
  if (i.scope === 'project' || !i.programme) return figure;
  const programme = i.programme[lang];
  return i.item
    ? t('facts.programme', lang, { figure, programme, item: i.item[lang] })
    : t('facts.programmeNoItem', lang, { figure, programme });
}

export function leadText(l: LeadBody | undefined, lang: Lang): string {
  if (!l) return t('facts.notStated', lang);
  return lang === 'en' ? l.name_en : l.name;
}

export function yearsText(y: Years | undefined, lang: Lang): string {
  if (!y) return t('facts.notStated', lang);
  return y.from === null
    ? t('facts.yearsTo', lang, { to: y.to })
    : t('facts.yearsRange', lang, { from: y.from, to: y.to });
}

/** The three facts of a place in one language (for the project table). */
export function planFactTexts(
  p: PlanFactFields,
  lang: Lang,
): { investment: string; lead: string; years: string } {
  return {
    investment: investmentText(p.investment, lang),
    lead: leadText(p.lead, lang),
    years: yearsText(p.years, lang),
  };
}
