import type { Layer, Status } from '../data/features';
import type { Confidence } from '../data/basemap';
import { DEFAULT_LANG, LANGS, STRINGS, type Lang, type StringKey } from './strings.ts';

export { DEFAULT_LANG, enMapStrings, LANGS, zh, type Lang, type StringKey } from './strings.ts';

/** True once the strings of `lang` are here (Chinese always is). */
export function hasStrings(lang: Lang): boolean {
  return STRINGS[lang] !== undefined;
}

/** Load the strings of `lang` (English comes in its own chunk, on first use). */
export async function loadStrings(lang: Lang): Promise<void> {
  if (lang === 'en' && !STRINGS.en) STRINGS.en = (await import('./en.ts')).en;
}

/** Values for `{name}` placeholders. */
export type Params = Record<string, string | number>;

const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

/** The placeholder names in a template, sorted and without duplicates: `'{n} of {total}'` → `['n', 'total']`. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))].sort();
}

/**
 * Fill `{name}` placeholders from `params`. A placeholder without a value is
 * left as written, so a forgotten parameter is visible rather than blank.
 */
export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** True if `value` is a UI language code. */
export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/**
 * The UI string for `key` in `lang`, with `{name}` placeholders filled.
 * Falls back to Chinese (also while `lang` is still loading), then to the key itself, so
 * nothing ever renders empty.
 * @example t('tour.step', 'en', { n: 2, total: 6 }) // 'Step 2 of 6'
 */
export function t(key: StringKey, lang: Lang = DEFAULT_LANG, params?: Params): string {
  const table = STRINGS[lang] ?? STRINGS.zh;
  const template = Object.hasOwn(table, key)
    ? table[key]
    : Object.hasOwn(STRINGS.zh, key)
      ? STRINGS.zh[key]
      : key;
  return interpolate(template, params);
}

/** The string key of a layer's display name. */
export const layerKey = (layer: Layer): StringKey => `layer.${layer}`;
/** The string key of a status label. */
export const statusKey = (status: Status): StringKey => `status.${status}`;
/** The string key of a confidence label (`estimated` takes `{km}`). */
export const confidenceKey = (confidence: Confidence): StringKey => `confidence.${confidence}`;
/** The string key of a comment kind label. */
export const commentKindKey = (kind: 'support' | 'concern' | 'idea' | 'question'): StringKey =>
  `comment.kind.${kind}`;

/** A feature's or place's name in the UI language: `name_en` in English, the plan's Chinese name otherwise. */
export function localName(names: { name: string; name_en?: string }, lang: Lang): string {
  return lang === 'en' && names.name_en ? names.name_en : names.name;
}

/** MapLibre's own locale keys (see maplibre-gl `src/ui/default_locale.ts`). */
export const MAPLIBRE_KEYS = [
  'AttributionControl.ToggleAttribution',
  'AttributionControl.MapFeedback',
  'FullscreenControl.Enter',
  'FullscreenControl.Exit',
  'GeolocateControl.FindMyLocation',
  'GeolocateControl.LocationNotAvailable',
  'LogoControl.Title',
  'Map.Title',
  'Marker.Title',
  'NavigationControl.ResetBearing',
  'NavigationControl.ZoomIn',
  'NavigationControl.ZoomOut',
  'Popup.Close',
  'ScaleControl.Feet',
  'ScaleControl.Meters',
  'ScaleControl.Kilometers',
  'ScaleControl.Miles',
  'ScaleControl.NauticalMiles',
  'GlobeControl.Enable',
  'GlobeControl.Disable',
  'TerrainControl.Enable',
  'TerrainControl.Disable',
  'CooperativeGesturesHandler.WindowsHelpText',
  'CooperativeGesturesHandler.MacHelpText',
  'CooperativeGesturesHandler.MobileHelpText',
] as const satisfies readonly StringKey[];

/**
 * The `locale` option for `new maplibregl.Map({ locale })` (or `map.setLocale`) in `lang`.
 * @example new maplibregl.Map({ container, style, locale: maplibreLocale(app.lang) })
 */
export function maplibreLocale(lang: Lang): Record<string, string> {
  return Object.fromEntries(MAPLIBRE_KEYS.map((key) => [key, t(key, lang)]));
}
