import {
  DEFAULT_LANG,
  hasStrings,
  loadStrings,
  localName,
  t,
  type Lang,
  type Params,
  type StringKey,
} from '../i18n';
import { app } from './appState.svelte';

/** Bumped when a language's strings arrive, so everything shown in it re-renders. */
const loaded = $state({ count: 0 });
let loading: Lang | null = null;

/**
 * The language UI strings are shown in: `app.lang` once its strings are here (English is its
 * own chunk, loaded the first time it is asked for), Chinese until then. Reactive.
 */
export function stringsLang(): Lang {
  void loaded.count;
  const lang = app.lang;
  if (hasStrings(lang)) return lang;
  if (loading !== lang) {
    loading = lang;
    void loadStrings(lang).then(
      () => loaded.count++,
      () => (loading = null),
    );
  }
  return DEFAULT_LANG;
}

/** A UI string in the current language (reactive: re-renders when the language changes). */
export function tr(key: StringKey, params?: Params): string {
  return t(key, stringsLang(), params);
}

/** A feature's or place's name in the current language (reactive, like `tr`). */
export function nameOf(names: { name: string; name_en?: string }): string {
  return localName(names, app.lang);
}

/** A label and its colon in the current language: "来源：" / "Source: ". */
export function labelled(key: StringKey, params?: Params): string {
  return `${tr(key, params)}${stringsLang() === 'en' ? ': ' : '：'}`;
}
