import type { OverlayProperties } from './types';

/** Property names that usually hold a feature's name, most telling first. */
export const NAME_KEYS: readonly string[] = [
  'name',
  '名称',
  '名字',
  '项目名称',
  'title',
  '标题',
  'label',
];

/** Longest label shown in a list; longer names are cut with "…". */
export const MAX_LABEL = 60;

/**
 * What to call an imported feature in a list: the first non-empty name-like property
 * (keys compared case-insensitively), trimmed and cut to `MAX_LABEL` characters.
 * Untrusted text: render it as text only.
 *
 * @returns the label, or null when the feature has no name-like property
 * @example
 * featureLabel({ NAME: '学校', id: 3 }) // '学校'
 * featureLabel({ id: 3 }) // null
 */
export function featureLabel(properties: OverlayProperties): string | null {
  const byKey = new Map<string, string>();
  for (const [key, value] of Object.entries(properties)) {
    const text = value === null || typeof value === 'boolean' ? '' : String(value).trim();
    const k = key.toLowerCase();
    if (text && !byKey.has(k)) byKey.set(k, text);
  }
  for (const key of NAME_KEYS) {
    const text = byKey.get(key);
    if (text)
      return [...text].length > MAX_LABEL ? `${[...text].slice(0, MAX_LABEL - 1).join('')}…` : text;
  }
  return null;
}
