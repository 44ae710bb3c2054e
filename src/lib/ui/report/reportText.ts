import { COMMENT_KINDS, type CommentKind } from '../../comments/schema';
import { REPORT_STATES, type ReportState } from '../../consultation/report';
import { interpolate, type Params } from '../../i18n';
import { reportEn, reportZh, type ReportKey } from '../../i18n/reportStrings';
import { sectionRefLabel } from '../../plan/refLabel';
import { app } from '../appState.svelte';
import { answerStateName } from '../session/answerText';
import { stringsLang, tr } from '../tr.svelte';
import type { ReportNames } from './reportRows';

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

/**
 * The names the report's rows are shown with, in the current language, for
 * prepareRows: the reactive state (language, strings, the plan's data) is read
 * here once, so the lookups per row are plain.
 */
export function reportNames(): ReportNames {
  const lang = stringsLang();
  const strings = lang === 'en' ? reportEn : reportZh;
  const features = app.featureById;
  const plan = app.plan;
  const kinds = Object.fromEntries(
    COMMENT_KINDS.map((kind) => [kind, tr(`comment.kind.${kind}`)]),
  ) as Record<CommentKind, string>;
  const states = Object.fromEntries(REPORT_STATES.map((s) => [s, stateName(s)])) as Record<
    ReportState,
    string
  >;
  return {
    text: (key, params) => interpolate(strings[key], params),
    kind: (kind) => kinds[kind],
    state: (state) => states[state],
    feature: (id) => {
      const feature = features.get(id);
      if (!feature) return id;
      return lang === 'en' ? feature.properties.name_en : feature.properties.name;
    },
    chapter: (id) => sectionRefLabel(id, plan, lang),
  };
}
