import { formatBytes, formatCount, LIMITS } from './limits';
import type { Lang } from './report';

/**
 * Bytes → text, strictly. Decisions:
 * - UTF-8 is decoded with `fatal: true`: invalid, overlong or surrogate sequences refuse the
 *   file instead of turning into U+FFFD. No guessing of GBK/ANSI: the error says how to
 *   re-save (Excel "CSV UTF-8").
 * - A UTF-16 BOM (Excel "Unicode text") selects strict UTF-16 decoding.
 * - BOMs are stripped; NUL characters and ZIP/PDF/image signatures are refused as binary.
 */

export type Decoded = { ok: true; text: string } | { ok: false; error: string };

const SIGNATURES: [number[], string, string][] = [
  [
    [0x50, 0x4b, 0x03, 0x04],
    'a ZIP archive (a zipped shapefile or an Excel .xlsx?)',
    'ZIP 压缩包（压缩的 Shapefile 或 Excel .xlsx？）',
  ],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document', 'PDF 文档'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image', 'PNG 图片'],
  [[0xff, 0xd8, 0xff], 'a JPEG image', 'JPEG 图片'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Excel (.xls) or Word file', '旧版 Excel（.xls）或 Word 文件'],
  [[0x1f, 0x8b], 'a gzip archive', 'gzip 压缩包'],
];

const EXPORT_HINT = {
  en: 'export it as GeoJSON or as CSV (UTF-8) first',
  zh: '请先导出为 GeoJSON 或 CSV（UTF-8）',
};

const fail = (lang: Lang, en: string, zh: string): Decoded => ({
  ok: false,
  error: lang === 'zh' ? zh : en,
});

export function decodeBytes(input: ArrayBuffer | Uint8Array, lang: Lang = 'en'): Decoded {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (bytes.byteLength > LIMITS.maxBytes)
    return tooBig(lang, formatBytes(bytes.byteLength), formatBytes(bytes.byteLength));
  for (const [signature, en, zh] of SIGNATURES)
    if (signature.every((b, i) => bytes[i] === b))
      return fail(
        lang,
        `this is ${en}, not GeoJSON or CSV text; ${EXPORT_HINT.en}`,
        `这是 ${zh}，不是 GeoJSON 或 CSV 文本；${EXPORT_HINT.zh}`,
      );

  let encoding = 'utf-8';
  let skip = 0;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, skip] = ['utf-16le', 2];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, skip] = ['utf-16be', 2];
  else if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) skip = 3;
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(skip));
  } catch {
    if (encoding !== 'utf-8') {
      const name = encoding.toUpperCase();
      return fail(lang, `the file is not valid ${name} text`, `文件不是有效的 ${name} 文本`);
    }
    const at = firstBadUtf8(bytes);
    return fail(
      lang,
      `the file is not valid UTF-8 text (near byte ${at}); if it came from Excel or an older Chinese system it may be GBK/ANSI: save it as "CSV UTF-8" or GeoJSON`,
      `文件不是有效的 UTF-8 文本（约在第 ${at} 字节）；如果来自 Excel 或较旧的中文系统，可能是 GBK/ANSI 编码：请另存为“CSV UTF-8”或 GeoJSON`,
    );
  }
  return checkText(text, lang);
}

/**
 * Text checks shared by decoded files and pasted text. For text the size limit counts
 * UTF-16 code units (O(1), and what parsing time and memory actually scale with); a
 * decoded file has already passed the byte limit.
 */
export function checkText(input: string, lang: Lang = 'en'): Decoded {
  // Length first: it is O(1), while reading a character may flatten a huge rope string.
  if (input.length > LIMITS.maxBytes + 1)
    return tooBig(
      lang,
      `${formatCount(input.length)} characters`,
      `${formatCount(input.length)} 个字符`,
    );
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.length > LIMITS.maxBytes)
    return tooBig(
      lang,
      `${formatCount(text.length)} characters`,
      `${formatCount(text.length)} 个字符`,
    );
  const nul = text.indexOf('\u0000');
  if (nul >= 0)
    return fail(
      lang,
      `the file contains NUL characters (first at character ${nul + 1}); it looks like a binary file, not text; ${EXPORT_HINT.en}`,
      `文件含有 NUL 字符（第一个在第 ${nul + 1} 个字符处），看起来是二进制文件而不是文本；${EXPORT_HINT.zh}`,
    );
  return { ok: true, text };
}

function tooBig(lang: Lang, sizeEn: string, sizeZh: string): Decoded {
  const limit = formatBytes(LIMITS.maxBytes);
  return fail(
    lang,
    `the file is ${sizeEn}, more than the ${limit} limit; split or simplify it first`,
    `文件大小为 ${sizeZh}，超过 ${limit} 的上限；请先拆分或简化`,
  );
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
