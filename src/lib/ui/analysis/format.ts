import type { Lang } from '../../i18n';

/**
 * Rounding for the analysis panel: km and km² to 1 decimal (positions are schematic or
 * estimated, more digits would claim precision the data lacks), shares as whole percent.
 * Below 1 the measure tool keeps 2 decimals so a short line does not read as 0.
 */

const formats = new Map<string, Intl.NumberFormat>();

/** `n` with exactly `digits` decimals and the language's grouping (2,203.9). */
export function formatNumber(n: number, digits: number, lang: Lang): string {
  const key = `${lang}:${digits}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'en' ? 'en' : 'zh-CN', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formats.set(key, f);
  }
  // −0.0 reads as a sign error
  const out = f.format(n);
  return /^-0(\.0+)?$/.test(out) ? out.slice(1) : out;
}

/** Decimals for a measured length or area: 1 from 1 up, 2 below, 3 below 0.01. */
export function measureDigits(n: number): number {
  const a = Math.abs(n);
  return a >= 1 ? 1 : a >= 0.01 ? 2 : 3;
}

/** A table figure in km or km²: 1 decimal. */
export const km1 = (n: number, lang: Lang) => formatNumber(n, 1, lang);

/** A share in whole percent. */
export const pct0 = (n: number, lang: Lang) => formatNumber(n, 0, lang);
