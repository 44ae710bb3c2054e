import { formatBytes, formatCount, LIMITS } from './limits';

/**
 * Bytes → text, strictly. Decisions:
 * - UTF-8 is decoded with `fatal: true`: invalid, overlong or surrogate sequences refuse the
 *   file instead of turning into U+FFFD. No guessing of GBK/ANSI: the error says how to
 *   re-save (Excel "CSV UTF-8").
 * - A UTF-16 BOM (Excel "Unicode text") selects strict UTF-16 decoding.
 * - BOMs are stripped; NUL characters and ZIP/PDF/image signatures are refused as binary.
 */

export type Decoded = { ok: true; text: string } | { ok: false; error: string };

const SIGNATURES: [number[], string][] = [
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (a zipped shapefile or an Excel .xlsx?)'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Excel (.xls) or Word file'],
  [[0x1f, 0x8b], 'a gzip archive'],
];

const EXPORT_HINT = 'export it as GeoJSON or as CSV (UTF-8) first';

export function decodeBytes(input: ArrayBuffer | Uint8Array): Decoded {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (bytes.byteLength > LIMITS.maxBytes) return { ok: false, error: tooBig(bytes.byteLength) };
  for (const [signature, what] of SIGNATURES)
    if (signature.every((b, i) => bytes[i] === b))
      return { ok: false, error: `this is ${what}, not GeoJSON or CSV text; ${EXPORT_HINT}` };

  let encoding = 'utf-8';
  let skip = 0;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, skip] = ['utf-16le', 2];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, skip] = ['utf-16be', 2];
  else if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) skip = 3;
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(skip));
  } catch {
    return {
      ok: false,
      error:
        encoding === 'utf-8'
          ? `the file is not valid UTF-8 text (near byte ${firstBadUtf8(bytes)}); if it came from Excel or an older Chinese system it may be GBK/ANSI: save it as "CSV UTF-8" or GeoJSON`
          : `the file is not valid ${encoding.toUpperCase()} text`,
    };
  }
  return checkText(text);
}

/**
 * Text checks shared by decoded files and pasted text. For text the size limit counts
 * UTF-16 code units (O(1), and what parsing time and memory actually scale with); a
 * decoded file has already passed the byte limit.
 */
export function checkText(input: string): Decoded {
  // Length first: it is O(1), while reading a character may flatten a huge rope string.
  if (input.length > LIMITS.maxBytes + 1)
    return {
      ok: false,
      error: `the text has ${formatCount(input.length)} characters, more than the ${formatBytes(LIMITS.maxBytes)} limit; split or simplify it first`,
    };
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.length > LIMITS.maxBytes)
    return {
      ok: false,
      error: `the text is longer than the ${formatBytes(LIMITS.maxBytes)} limit`,
    };
  const nul = text.indexOf('\u0000');
  if (nul >= 0)
    return {
      ok: false,
      error: `the file contains NUL characters (first at character ${nul + 1}); it looks like a binary file, not text; ${EXPORT_HINT}`,
    };
  return { ok: true, text };
}

function tooBig(bytes: number): string {
  return `the file is ${formatBytes(bytes)}, more than the ${formatBytes(LIMITS.maxBytes)} limit; split or simplify it first`;
}

/** Offset of the first invalid UTF-8 sequence (only called once decoding has failed). */
function firstBadUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len =
      b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    const second = bytes[i + 1]!;
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    if (second < lo || second > hi) return i;
    for (let k = 2; k < len; k++) {
      const c = bytes[i + k]!;
      if (c < 0x80 || c > 0xbf) return i;
    }
    i += len;
  }
  return i;
}
