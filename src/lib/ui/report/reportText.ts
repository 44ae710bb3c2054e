import type { ReportState } from '../../consultation/report';
import { interpolate, type Params } from '../../i18n';
import { reportEn, reportZh, type ReportKey } from '../../i18n/reportStrings';
import { sectionRefLabel } from '../../plan/refLabel';
import { app } from '../appState.svelte';
import { answerStateName } from '../session/answerText';
import { stringsLang } from '../tr.svelte';

/** A report string in the current language (reactive like `tr`; see reportStrings.ts). */
export function reportText(key: ReportKey, params?: Params): string {
  return interpolate((stringsLang() === 'en' ? reportEn : reportZh)[key], params);
}

/** An answer state's name, `unanswered` included. */
export const stateName = (state: ReportState) =>
  state === 'unanswered' ? reportText('unanswered') : answerStateName(state);

/** A plan feature's name (zone, place) in the current language; its id while the data loads. */
export function featureName(id: string): string {
  const feature = app.featureById.get(id);
  if (!feature) return id;
  return stringsLang() === 'en' ? feature.properties.name_en : feature.properties.name;
}

/** A chapter as the plan names it ("第 5.1 节", "专栏五"). */
export const chapterName = (id: string) => sectionRefLabel(id, app.plan, stringsLang());
