import { LIMITS } from './limits';
import { clip, describe, type Warnings } from './report';
import type { OverlayProperties, PropertyValue } from './types';

/**
 * Property sanitising. Decisions:
 * - Keys `__proto__`, `constructor`, `prototype` are renamed with a trailing underscore
 *   (`__proto___`), so the data survives but can never reach a prototype, even if later
 *   code copies the object with `Object.assign` or `obj[key] = …`. Objects are built in a
 *   `Map` and turned into plain objects with `Object.fromEntries` (define, never set).
 * - Bidi override and isolate characters (U+202A–202E, U+2066–2069) and control characters
 *   other than tab/newline are **stripped** (with a warning): they can make a name display
 *   as something else. Lone surrogates become U+FFFD. Text is NFC-normalised.
 * - Strings longer than `maxStringLength` are truncated with "…" and a warning.
 * - Nested objects/arrays become their JSON text (renderers only ever see scalars).
 * - HTML such as `<script>` is kept verbatim: it is inert because the UI only renders text.
 */

/**
 * Names that reach or shadow Object.prototype: `__proto__`/`constructor`/`prototype` can
 * pollute it when code copies with `obj[key] = …`; the rest, as own properties, break code
 * that calls `props.hasOwnProperty(…)` or `String(props)`. All are renamed.
 */
export const DANGEROUS_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toString',
  'toLocaleString',
  'valueOf',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);

const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const FORMULA = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;
/**
 * A plain decimal number. Written without nested quantifiers (`\d+\.?\d*` would backtrack
 * quadratically on a long run of digits: a ReDoS on a 1 MB CSV cell).
 */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** True for a plain decimal number such as `121.14`, `-0.5`, `1e3` (at most 64 characters). */
export function isDecimal(text: string): boolean {
  return text.length <= 64 && DECIMAL.test(text);
}

/** True when a spreadsheet would treat the cell as a formula (`=HYPERLINK(…)`, `+cmd|…`, `@SUM`). */
export function isFormulaLike(text: string): boolean {
  return FORMULA.test(text) && !isDecimal(text.trim());
}

/**
 * Make a display string safe: cap its length, strip bidi overrides and control characters,
 * repair lone surrogates and NFC-normalise. `where` names it in warnings.
 */
export function sanitizeText(
  input: string,
  where: string,
  warnings: Warnings,
  maxLength: number = LIMITS.maxStringLength,
): string {
  let text = input;
  if (text.length > maxLength) {
    let cut = maxLength;
    const code = text.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut--; // do not split a surrogate pair
    text = `${text.slice(0, cut)}…`;
    warnings.add(
      'truncated',
      where,
      `text of ${input.length} characters was cut to ${maxLength} characters`,
      `${input.length} 个字符的文本被截短为 ${maxLength} 个字符`,
    );
  }
  const noBidi = text.replace(BIDI, '');
  if (noBidi !== text) {
    text = noBidi;
    warnings.add(
      'bidi',
      where,
      'bidirectional override characters were removed from the text',
      '文本中的双向控制字符（可让文字倒序显示）已删除',
    );
  }
  const noControl = text.replace(CONTROL, '');
  if (noControl !== text) {
    text = noControl;
    warnings.add(
      'control',
      where,
      'invisible control characters were removed from the text',
      '文本中的不可见控制字符已删除',
    );
  }
  text = text.replace(LONE_SURROGATE, '\ufffd').normalize('NFC');
  if (isFormulaLike(text))
    warnings.add(
      'formula',
      where,
      'text starting with =, +, − or @ would run as a formula in a spreadsheet; it is kept as plain text',
      '以 =、+、− 或 @ 开头的文本在电子表格中会被当作公式执行；这里只作为普通文本保留',
    );
  return text;
}

/**
 * A safe property name, or null if it must be dropped. Dangerous names are renamed
 * (`__proto__` → `__proto___`).
 */
export function sanitizeKey(key: string, where: string, warnings: Warnings): string | null {
  if (key.length > LIMITS.maxKeyLength) {
    warnings.add(
      'long-key',
      where,
      `a property name of ${key.length} characters (limit ${LIMITS.maxKeyLength}) was dropped`,
      `长度为 ${key.length} 个字符的属性名（上限 ${LIMITS.maxKeyLength}）已舍弃`,
    );
    return null;
  }
  let safe = sanitizeText(key, where, warnings, LIMITS.maxKeyLength);
  if (safe === '') safe = '(unnamed)';
  if (DANGEROUS_KEYS.has(safe)) {
    warnings.add(
      'proto-key',
      where,
      `the property "${safe}" was renamed to "${safe}_"`,
      `属性“${safe}”已改名为“${safe}_”`,
    );
    safe = `${safe}_`;
  }
  return safe;
}

/** A property value as a scalar that renderers can show as text. */
export function sanitizeValue(value: unknown, where: string, warnings: Warnings): PropertyValue {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      warnings.add(
        'non-finite',
        where,
        `the number ${value} is not finite and was replaced by null`,
        `数字 ${value} 不是有限数，已替换为 null`,
      );
      return null;
    }
    return Object.is(value, -0) ? 0 : value;
  }
  if (typeof value === 'string') return sanitizeText(value, where, warnings);
  if (typeof value === 'object') {
    warnings.add(
      'nested',
      where,
      'a nested object or list was turned into its JSON text',
      '嵌套的对象或列表已转为 JSON 文本',
    );
    let json: string;
    try {
      json = JSON.stringify(value);
    } catch {
      json = '';
    }
    return sanitizeText(json, where, warnings);
  }
  warnings.add(
    'dropped-value',
    where,
    `${describe(value)} cannot be shown and was replaced by null`,
    `${describe(value, 'zh')} 无法显示，已替换为 null`,
  );
  return null;
}

/**
 * Copy untrusted properties into a fresh plain object with safe keys and scalar values.
 * `raw` must be a non-array object (the caller reports other types).
 */
export function sanitizeProperties(
  raw: object,
  where: string,
  warnings: Warnings,
): OverlayProperties {
  const out = new Map<string, PropertyValue>();
  let count = 0;
  // Object.entries only reads own enumerable data, so an own "__proto__" key is read as data.
  for (const [key, value] of Object.entries(raw)) {
    const at = `${where}.${clip(key, 40)}`;
    if (++count > LIMITS.maxProperties) {
      warnings.add(
        'many-properties',
        where,
        `only the first ${LIMITS.maxProperties} properties were kept`,
        `只保留了前 ${LIMITS.maxProperties} 个属性`,
      );
      break;
    }
    const safeKey = sanitizeKey(key, at, warnings);
    if (safeKey === null) continue;
    if (out.has(safeKey)) {
      warnings.add(
        'duplicate-key',
        at,
        `a second property named "${safeKey}" was dropped`,
        `第二个名为“${safeKey}”的属性已舍弃`,
      );
      continue;
    }
    out.set(safeKey, sanitizeValue(value, at, warnings));
  }
  return Object.fromEntries(out) as OverlayProperties;
}

/**
 * The URL if it is an absolute http(s) URL without credentials, else null. Use for every
 * link built from data; anything else (javascript:, data:, vbscript:, relative) is not a link.
 */
export function safeHref(url: unknown): string | null {
  if (typeof url !== 'string' || url.length > 2048) return null;
  const trimmed = url.trim();
  if (!/^https?:\/\/[^\s]/i.test(trimmed)) return null;
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.username || parsed.password || !parsed.hostname) return null;
  return parsed.href;
}
