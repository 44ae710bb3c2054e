import { localName, t, type Params, type StringKey } from '../i18n';
import { app } from './appState.svelte';

/** A UI string in the current language (reactive: re-renders when the language changes). */
export function tr(key: StringKey, params?: Params): string {
  return t(key, app.lang, params);
}

/** A feature's or place's name in the current language (reactive, like `tr`). */
export function nameOf(names: { name: string; name_en?: string }): string {
  return localName(names, app.lang);
}

/** A label and its colon in the current language: "来源：" / "Source: ". */
export function labelled(key: StringKey, params?: Params): string {
  return `${tr(key, params)}${app.lang === 'en' ? ': ' : '：'}`;
}
