/** Chinese ideographs, CJK and full-width punctuation, curly quotes, dashes and ellipses. */
const CJK = '[\\u00b7\\u2014\\u2018-\\u201d\\u2026\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef]';
const CJK_PUNCT = '[\\u00b7\\u2014\\u2018-\\u201d\\u2026\\u3000-\\u303f\\uff00-\\uffef]';
const ASCII_WORD = '[A-Za-z0-9%+.\\]\\[]';

const CJK_THEN_ASCII = new RegExp(`(${CJK})\\s+(${ASCII_WORD})`, 'g');
const ASCII_THEN_CJK = new RegExp(`(${ASCII_WORD})\\s+(${CJK})`, 'g');
const AROUND_PUNCT = new RegExp(`\\s*(${CJK_PUNCT})\\s*`, 'g');
const BETWEEN_CJK = new RegExp(`(${CJK})\\s+(?=${CJK})`, 'g');

/**
 * Undo the OCR's spacing: `738.5 亿元` → `738.5亿元`, `工业 4.0 标杆` → `工业4.0标杆`.
 * Spaces between two ideographs are kept (the plan writes `万鹿同行 追梦临海`).
 */
export function normalizeSpacing(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(AROUND_PUNCT, '$1')
    .replace(CJK_THEN_ASCII, '$1$2')
    .replace(ASCII_THEN_CJK, '$1$2')
    .trim();
}

/** For cell labels and titles that the OCR wrapped mid-word (`临海经济 开发区`). */
export function removeCjkSpaces(text: string): string {
  return normalizeSpacing(text).replace(BETWEEN_CJK, '$1');
}

/** Drop HTML the conversion left (`<p>`, `</p>`, stray tags); `<sup>` is handled by the caller. */
export function stripTags(text: string): string {
  return text.replace(/<\/?[a-z]+[^>]*>/gi, '');
}

/** Remove every whitespace character: how quotes are compared with the text. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Chinese numerals as the plan uses them, 一 … 十九. */
export function chineseNumber(text: string): number | null {
  const digits = '一二三四五六七八九';
  if (/^[一二三四五六七八九]$/.test(text)) return digits.indexOf(text) + 1;
  const m = /^([一二三四五六七八九]?)十([一二三四五六七八九]?)$/.exec(text);
  if (!m) return null;
  const tens = m[1] ? digits.indexOf(m[1]) + 1 : 1;
  const ones = m[2] ? digits.indexOf(m[2]) + 1 : 0;
  return tens * 10 + ones;
}

/** 1 → 一, 14 → 十四: the plan's own numbering, for headings. */
export function toChineseNumber(n: number): string {
  const digits = '一二三四五六七八九';
  if (n >= 1 && n <= 9) return digits[n - 1]!;
  if (n >= 10 && n <= 99) {
    const tens = Math.floor(n / 10);
    const ones = n % 10;
    return `${tens === 1 ? '' : digits[tens - 1]}十${ones ? digits[ones - 1] : ''}`;
  }
  return String(n);
}
