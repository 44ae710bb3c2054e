import type { AnswerState } from '../../consultation/api';
import { interpolate, type Params } from '../../i18n';
import { answerEn, answerZh, type AnswerKey } from '../../i18n/answerStrings';
import { stringsLang } from '../tr.svelte';

/** An answer string in the current language (reactive like `tr`; see answerStrings.ts). */
export function answerText(key: AnswerKey, params?: Params): string {
  return interpolate((stringsLang() === 'en' ? answerEn : answerZh)[key], params);
}

/** The name of an answer state ('adopted' → 采纳 / Adopted). */
export const answerStateName = (state: AnswerState) => answerText(`state.${state}`);
