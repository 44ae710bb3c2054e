import { formatCount, LIMITS } from './limits';
import { clip, lineColumn, type Lang } from './report';

/**
 * A single linear pass over JSON text that runs **before** `JSON.parse`, so hostile files
 * are refused cheaply and with a line and column instead of an engine message:
 * nesting deeper than `maxDepth`, more features than `maxFeatures` in the top-level
 * `features` list, more position-like arrays (lists of 2–4 numbers) than `maxVertices`,
 * literal NaN/Infinity tokens, stray characters, and truncation.
 * It does not replace `JSON.parse`; it only finds problems earlier or explains them better.
 */

export type ScanResult = { ok: true } | { ok: false; error: string };

const enum C {
  Quote = 34,
  Backslash = 92,
  OpenBrace = 123,
  CloseBrace = 125,
  OpenBracket = 91,
  CloseBracket = 93,
  Newline = 10,
  Minus = 45,
}

function isWordChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isNumberChar(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 69 || c === 101;
}

/** `"'"`, `"临" (U+4E34)`, or just `U+FEFF` for invisible characters. */
function showChar(code: number): string {
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (code > 0x20 && code < 0x7f) return `"${String.fromCharCode(code)}"`;
  const ch = String.fromCodePoint(code);
  return /[\p{L}\p{N}\p{P}\p{S}]/u.test(ch) ? `"${ch}" (${hex})` : hex;
}

export function scanJson(
  text: string,
  limits: { maxDepth: number; maxFeatures: number; maxVertices: number } = LIMITS,
  lang: Lang = 'en',
): ScanResult {
  // One frame per open bracket, in flat typed arrays (no allocation per bracket).
  const isArray = new Uint8Array(limits.maxDepth + 1);
  const numbers = new Int32Array(limits.maxDepth + 1);
  const other = new Uint8Array(limits.maxDepth + 1);
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  let featuresDepth = -1;
  let features = 0;
  let positions = 0;
  let lastKey = '';
  /** Offset of a comma not yet followed by a value, or −1. */
  let lastComma = -1;
  const at = (i: number) => lineColumn(lang, line, i - lineStart + 1);
  const fail = (en: string, zh: string): ScanResult => ({
    ok: false,
    error: lang === 'zh' ? zh : en,
  });

  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 44) {
      lastComma = i++;
      continue;
    }
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9 && c !== C.CloseBrace && c !== C.CloseBracket)
      lastComma = -1;
    if (c === C.Quote) {
      // Jump to the closing quote natively; a quote preceded by an odd run of backslashes
      // is escaped. Raw line breaks inside strings are invalid JSON and left to JSON.parse.
      const start = i;
      let end = text.indexOf('"', i + 1);
      for (;;) {
        if (end === -1)
          return fail(
            `the file ends inside a text value that starts at ${at(start)}; it looks cut off (truncated)`,
            `文件在一个文本值中间结束（该文本从${at(start)}开始），看起来不完整（被截断）`,
          );
        let slashes = 0;
        while (text.charCodeAt(end - 1 - slashes) === C.Backslash) slashes++;
        if (slashes % 2 === 0) break;
        end = text.indexOf('"', end + 1);
      }
      if (depth > 0) other[depth] = 1;
      if (depth === 1 && end - start <= 20) lastKey = text.slice(start + 1, end);
      i = end + 1;
      continue;
    }
    if (c === C.OpenBrace || c === C.OpenBracket) {
      if (depth >= limits.maxDepth)
        return fail(
          `${at(i)}: the data is nested more than ${limits.maxDepth} levels deep; GeoJSON never needs that many`,
          `${at(i)}：数据嵌套超过 ${limits.maxDepth} 层；GeoJSON 从不需要这么深`,
        );
      if (depth > 0) other[depth] = 1;
      if (c === C.OpenBracket && depth === 1 && lastKey === 'features' && !isArray[1])
        featuresDepth = 2;
      if (c === C.OpenBrace && featuresDepth === depth && ++features > limits.maxFeatures)
        return fail(
          `more than ${formatCount(limits.maxFeatures)} features (the limit); split the file or simplify it`,
          `要素超过 ${formatCount(limits.maxFeatures)} 个（上限）；请拆分或简化文件`,
        );
      depth++;
      isArray[depth] = c === C.OpenBracket ? 1 : 0;
      numbers[depth] = 0;
      other[depth] = 0;
      i++;
      continue;
    }
    if (c === C.CloseBrace || c === C.CloseBracket) {
      const closesArray = c === C.CloseBracket;
      if (lastComma >= 0)
        return fail(
          `${at(i)}: a comma before "${String.fromCharCode(c)}"; JSON does not allow trailing commas`,
          `${at(i)}：“${String.fromCharCode(c)}”前多了一个逗号；JSON 不允许末尾逗号`,
        );
      if (depth === 0 || (isArray[depth] === 1) !== closesArray)
        return fail(
          `${at(i)}: unexpected "${String.fromCharCode(c)}"; the brackets do not match`,
          `${at(i)}：意外的“${String.fromCharCode(c)}”；括号不匹配`,
        );
      if (
        closesArray &&
        other[depth] === 0 &&
        numbers[depth]! >= 2 &&
        numbers[depth]! <= 4 &&
        ++positions > limits.maxVertices
      )
        return fail(
          `more than ${formatCount(limits.maxVertices)} coordinate positions (the limit); simplify the geometry first`,
          `坐标点超过 ${formatCount(limits.maxVertices)} 个（上限）；请先简化几何图形`,
        );
      if (featuresDepth === depth) featuresDepth = -1;
      depth--;
      i++;
      continue;
    }
    if ((c >= 48 && c <= 57) || c === C.Minus) {
      if (c === C.Minus && isWordChar(text.charCodeAt(i + 1))) {
        let j = i + 1;
        while (j < n && isWordChar(text.charCodeAt(j))) j++;
        return fail(
          `${at(i)}: "${clip(text.slice(i, j), 20)}" is not a number JSON allows (numbers must be finite)`,
          `${at(i)}：“${clip(text.slice(i, j), 20)}”不是 JSON 允许的数字（数字必须是有限数）`,
        );
      }
      i++;
      while (i < n && isNumberChar(text.charCodeAt(i))) i++;
      if (depth > 0) numbers[depth]!++;
      continue;
    }
    if (isWordChar(c)) {
      let j = i;
      while (j < n && isWordChar(text.charCodeAt(j))) j++;
      const word = text.slice(i, Math.min(j, i + 30));
      if (word === 'NaN' || word === 'Infinity')
        return fail(
          `${at(i)}: "${word}" is not a number JSON allows (numbers must be finite)`,
          `${at(i)}：“${word}”不是 JSON 允许的数字（数字必须是有限数）`,
        );
      if (word !== 'true' && word !== 'false' && word !== 'null')
        return fail(
          `${at(i)}: unexpected word "${clip(word, 20)}"; text values need double quotes`,
          `${at(i)}：意外的单词“${clip(word, 20)}”；文本值需要用双引号括起来`,
        );
      if (depth > 0) other[depth] = 1;
      i = j;
      continue;
    }
    if (c === C.Newline) {
      line++;
      lineStart = i + 1;
    } else if (c !== 32 && c !== 9 && c !== 13 && c !== 58) {
      const shown = showChar(text.codePointAt(i) ?? c);
      return fail(`${at(i)}: unexpected character ${shown}`, `${at(i)}：意外的字符 ${shown}`);
    }
    i++;
  }
  if (depth > 0)
    return fail(
      `the file ends before ${depth} bracket(s) are closed; it looks cut off (truncated)`,
      `文件结束时还有 ${depth} 个括号没有闭合；看起来不完整（被截断）`,
    );
  return { ok: true };
}

/** JSON.parse, with engine messages turned into "line L, column C: …". */
export function parseJsonText(
  text: string,
  lang: Lang = 'en',
): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    let where = '';
    if (position) {
      const offset = Number(position[1]);
      const before = text.slice(0, offset);
      const line = before.split('\n').length;
      where = `${lineColumn(lang, line, offset - before.lastIndexOf('\n'))}${lang === 'zh' ? '：' : ': '}`;
    }
    const reason = message
      .replace(/ (in JSON )?at position \d+.*$/, '')
      .replace(/,? *(\.\.\.)?"[\s\S]*"(\.\.\.)? is not valid JSON$/, '');
    const why = clip(reason, 80);
    return {
      ok: false,
      error:
        lang === 'zh' ? `${where}不是有效的 JSON（${why}）` : `${where}not valid JSON (${why})`,
    };
  }
}
