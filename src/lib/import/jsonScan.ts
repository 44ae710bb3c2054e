import { formatCount, LIMITS } from './limits';
import { clip } from './report';

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

interface Frame {
  array: boolean;
  numbers: number;
  other: boolean;
}

export function scanJson(
  text: string,
  limits: Pick<typeof LIMITS, 'maxDepth' | 'maxFeatures' | 'maxVertices'> = LIMITS,
): ScanResult {
  const stack: Frame[] = [];
  let line = 1;
  let lineStart = 0;
  let featuresDepth = -1;
  let features = 0;
  let positions = 0;
  let lastKey = '';
  const at = (i: number) => `line ${line}, column ${i - lineStart + 1}`;
  const fail = (error: string): ScanResult => ({ ok: false, error });

  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const top = stack[stack.length - 1];
    if (c === C.Quote) {
      const start = i;
      i++;
      for (;;) {
        if (i >= n)
          return fail(
            `the file ends inside a text value that starts at ${at(start)}; it looks cut off (truncated)`,
          );
        const d = text.charCodeAt(i);
        if (d === C.Quote) break;
        if (d === C.Backslash) i++;
        else if (d === C.Newline) {
          line++;
          lineStart = i + 1;
        }
        i++;
      }
      if (top) top.other = true;
      if (stack.length === 1 && i - start <= 20) lastKey = text.slice(start + 1, i);
      i++;
      continue;
    }
    if (c === C.OpenBrace || c === C.OpenBracket) {
      if (stack.length >= limits.maxDepth)
        return fail(
          `${at(i)}: the data is nested more than ${limits.maxDepth} levels deep; GeoJSON never needs that many`,
        );
      if (top) top.other = true;
      if (c === C.OpenBracket && stack.length === 1 && lastKey === 'features' && !stack[0]!.array)
        featuresDepth = 2;
      if (c === C.OpenBrace && featuresDepth === stack.length && ++features > limits.maxFeatures)
        return fail(
          `more than ${formatCount(limits.maxFeatures)} features (the limit); split the file or simplify it`,
        );
      stack.push({ array: c === C.OpenBracket, numbers: 0, other: false });
      i++;
      continue;
    }
    if (c === C.CloseBrace || c === C.CloseBracket) {
      const frame = stack.pop();
      if (!frame || frame.array !== (c === C.CloseBracket))
        return fail(`${at(i)}: unexpected "${String.fromCharCode(c)}"; the brackets do not match`);
      if (featuresDepth === stack.length + 1) featuresDepth = -1;
      if (
        frame.array &&
        !frame.other &&
        frame.numbers >= 2 &&
        frame.numbers <= 4 &&
        ++positions > limits.maxVertices
      )
        return fail(
          `more than ${formatCount(limits.maxVertices)} coordinate positions (the limit); simplify the geometry first`,
        );
      i++;
      continue;
    }
    if ((c >= 48 && c <= 57) || c === C.Minus) {
      if (c === C.Minus && isWordChar(text.charCodeAt(i + 1))) {
        let j = i + 1;
        while (j < n && isWordChar(text.charCodeAt(j))) j++;
        return fail(
          `${at(i)}: "${clip(text.slice(i, j), 20)}" is not a number JSON allows (numbers must be finite)`,
        );
      }
      while (i < n && isNumberChar(text.charCodeAt(i))) i++;
      if (top) top.numbers++;
      continue;
    }
    if (isWordChar(c)) {
      let j = i;
      while (j < n && isWordChar(text.charCodeAt(j))) j++;
      const word = text.slice(i, Math.min(j, i + 30));
      if (word === 'NaN' || word === 'Infinity')
        return fail(`${at(i)}: "${word}" is not a number JSON allows (numbers must be finite)`);
      if (word !== 'true' && word !== 'false' && word !== 'null')
        return fail(
          `${at(i)}: unexpected word "${clip(word, 20)}"; text values need double quotes`,
        );
      if (top) top.other = true;
      i = j;
      continue;
    }
    if (c === C.Newline) {
      line++;
      lineStart = i + 1;
    } else if (c !== 32 && c !== 9 && c !== 13 && c !== 44 && c !== 58) {
      const ch = text.codePointAt(i) ?? c;
      const shown =
        ch < 32 || ch === 0x7f ? `U+${ch.toString(16).padStart(4, '0')}` : String.fromCodePoint(ch);
      return fail(`${at(i)}: unexpected character "${shown}"`);
    }
    i++;
  }
  if (stack.length > 0)
    return fail(
      `the file ends before ${stack.length} bracket(s) are closed; it looks cut off (truncated)`,
    );
  return { ok: true };
}

/** JSON.parse, with engine messages turned into "line L, column C: …". */
export function parseJsonText(
  text: string,
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
      where = `line ${line}, column ${offset - before.lastIndexOf('\n')}: `;
    }
    const reason = message
      .replace(/ (in JSON )?at position \d+.*$/, '')
      .replace(/,? ".*" is not valid JSON$/, '');
    return { ok: false, error: `${where}not valid JSON (${clip(reason, 80)})` };
  }
}
