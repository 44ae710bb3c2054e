import Papa from 'papaparse';
import { formatCount, LIMITS } from './limits';
import { clip, lineColumn, type Problems, type Warnings } from './report';
import { isDecimal, sanitizeKey, sanitizeText } from './sanitize';
import type { OverlayFeature, OverlayProperties, ParseOutcome } from './types';

/**
 * CSV (or TSV/semicolon-separated) text with one point per row → features.
 * Decisions:
 * - The first non-empty line is the header. Longitude and latitude columns are found by
 *   name (case-insensitive, trimmed): lon, lng, long, longitude, 经度, 东经 … then x / y.
 * - Every other column becomes a **string** property (no type guessing), sanitised like
 *   GeoJSON text. Empty or duplicate header names are renamed (column_3, name_2).
 * - Any bad row (wrong number of fields, unterminated quote, coordinate that is not a
 *   plain decimal number or out of range) refuses the file; errors name the CSV line
 *   (1-based, counting physical lines, so quoted line breaks are accounted for).
 * - Spreadsheet formulas (=HYPERLINK(…), +cmd, @SUM) are kept as plain text with a warning;
 *   nothing here evaluates them, and exports are GeoJSON, not CSV.
 */

const LON_NAMES = [
  'lon',
  'lng',
  'long',
  'longitude',
  '经度',
  '东经',
  'lon_wgs84',
  'longitude_wgs84',
];
const LAT_NAMES = ['lat', 'latitude', '纬度', '北纬', 'lat_wgs84', 'latitude_wgs84'];

function findColumn(
  header: string[],
  names: string[],
  prefixes: string[],
  fallback: string,
): number {
  const norm = header.map((h) => h.trim().toLowerCase());
  for (const name of names) {
    const i = norm.indexOf(name);
    if (i >= 0) return i;
  }
  const j = norm.findIndex((h) => prefixes.some((p) => h.startsWith(p)));
  return j >= 0 ? j : norm.indexOf(fallback);
}

function readCoordinate(
  cell: string,
  what: 'longitude' | 'latitude',
  line: number,
  problems: Problems,
): number | null {
  const text = cell.trim();
  const where = lineColumn(problems.lang, line);
  const zh = what === 'longitude' ? '经度' : '纬度';
  if (text === '') {
    problems.add(where, `the ${what} is empty`, `${zh}是空的`);
    return null;
  }
  if (!isDecimal(text)) {
    const comma = text.length <= 64 && /^[+-]?\d+,\d+$/.test(text);
    problems.add(
      where,
      `the ${what} "${clip(text, 30)}" is not a number${comma ? ' (use a dot as the decimal separator)' : ''}`,
      `${zh}“${clip(text, 30)}”不是数字${comma ? '（小数点请用“.”）' : ''}`,
    );
    return null;
  }
  const value = Number(text);
  const range = what === 'longitude' ? 180 : 90;
  if (!Number.isFinite(value) || Math.abs(value) > range) {
    problems.add(
      where,
      `${what} ${text.length > 30 ? clip(text, 30) : value} is out of range (−${range}…${range})`,
      `${zh} ${text.length > 30 ? clip(text, 30) : value} 超出范围（−${range}…${range}）`,
    );
    return null;
  }
  return value === 0 ? 0 : value;
}

export function parseCsv(text: string, problems: Problems, warnings: Warnings): ParseOutcome {
  const lang = problems.lang;
  const features: OverlayFeature[] = [];
  let header: string[] | null = null;
  let keys: (string | null)[] = [];
  let lonAt = -1;
  let latAt = -1;
  let rows = 0;
  // Line bookkeeping: papaparse reports where each row ends; count newlines up to there.
  let counted = 0;
  let line = 1;
  const lineAt = (offset: number) => {
    for (let k = text.indexOf('\n', counted); k !== -1 && k < offset; k = text.indexOf('\n', k + 1))
      line++;
    counted = Math.max(counted, offset);
    return line;
  };

  Papa.parse<string[]>(text, {
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    step: (result, parser) => {
      const rowLine = lineAt(counted); // line where this row starts
      const fields = result.data;
      const end = result.meta.cursor;
      for (const error of result.errors) {
        if (error.code === 'UndetectableDelimiter') continue;
        const at = error.index === undefined ? rowLine : lineAt(Math.min(error.index, end));
        problems.add(
          lineColumn(lang, at),
          error.code === 'MissingQuotes'
            ? 'a quoted field is never closed'
            : clip(error.message, 80),
          error.code === 'MissingQuotes' ? '引号括起的字段没有闭合' : clip(error.message, 80),
        );
      }
      lineAt(end);
      if (problems.full) return parser.abort();
      if (fields.length === 1 && fields[0]!.trim() === '') return; // blank line
      if (!header) {
        header = fields;
        if (fields.length > LIMITS.maxProperties + 2)
          warnings.add(
            'many-columns',
            lineColumn(lang, rowLine),
            `only the first ${LIMITS.maxProperties + 2} of ${fields.length} columns were kept`,
            `${fields.length} 列中只保留了前 ${LIMITS.maxProperties + 2} 列`,
          );
        const seen = new Set<string>();
        keys = fields.map((raw, i) => {
          if (i >= LIMITS.maxProperties + 2) return null;
          let key = sanitizeKey(
            raw.trim() || `column_${i + 1}`,
            lineColumn(lang, rowLine, i + 1),
            warnings,
          );
          if (key === null) return null;
          if (seen.has(key)) {
            let n = 2;
            while (seen.has(`${key}_${n}`)) n++;
            key = `${key}_${n}`;
          }
          seen.add(key);
          return key;
        });
        lonAt = findColumn(fields, LON_NAMES, ['longitude', '经度'], 'x');
        latAt = findColumn(fields, LAT_NAMES, ['latitude', '纬度'], 'y');
        if (lonAt < 0 || latAt < 0) {
          problems.add(
            lineColumn(lang, rowLine),
            `no ${lonAt < 0 ? 'longitude' : 'latitude'} column found; name the columns lon/lat, longitude/latitude or 经度/纬度 (the header is: ${clip(fields.join(', '), 80)})`,
            `找不到${lonAt < 0 ? '经度' : '纬度'}列；请把列命名为 经度/纬度、lon/lat 或 longitude/latitude（表头是：${clip(fields.join(', '), 80)}）`,
          );
          return parser.abort();
        }
        return;
      }
      if (++rows > LIMITS.maxCsvRows) {
        problems.add(
          '',
          `more than ${formatCount(LIMITS.maxCsvRows)} rows (the limit); split the file`,
          `超过 ${formatCount(LIMITS.maxCsvRows)} 行（上限）；请拆分文件`,
        );
        return parser.abort();
      }
      if (fields.length !== header.length) {
        problems.add(
          lineColumn(lang, rowLine),
          `${fields.length} field(s), but the header has ${header.length}`,
          `有 ${fields.length} 个字段，但表头有 ${header.length} 个`,
        );
        return;
      }
      const lon = readCoordinate(fields[lonAt]!, 'longitude', rowLine, problems);
      const lat = readCoordinate(fields[latAt]!, 'latitude', rowLine, problems);
      if (lon === null || lat === null) return;
      const entries: [string, string][] = [];
      fields.forEach((cell, i) => {
        const key = keys[i];
        if (i === lonAt || i === latAt || key === null || key === undefined) return;
        entries.push([
          key,
          sanitizeText(
            cell,
            lang === 'zh'
              ? `第 ${rowLine} 行“${clip(key, 30)}”列`
              : `line ${rowLine}, column "${clip(key, 30)}"`,
            warnings,
          ),
        ]);
      });
      const properties = Object.fromEntries(entries) as OverlayProperties;
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [lon, lat] },
        properties,
      });
    },
  });

  if (problems.count > 0) return { ok: false };
  if (!header) {
    problems.add('', 'the file is empty', '文件是空的');
    return { ok: false };
  }
  if (features.length === 0) {
    problems.add('', 'the CSV has a header but no data rows', 'CSV 只有表头，没有数据行');
    return { ok: false };
  }
  return { ok: true, features };
}
