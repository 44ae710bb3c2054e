import Papa from 'papaparse';
import { formatCount, LIMITS } from './limits';
import { clip, lineColumn, type Problems, type Warnings } from './report';
import { looksSwapped, mostlySwapped } from './swap';
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
 * - Longitude and latitude columns that look swapped (latitudes near Linhai in the longitude
 *   column, in most rows) refuse the file with one message, and the report offers to swap
 *   (`swap`); a few swapped rows in a sound file are named one by one. Never swapped silently.
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

/** Datum words around a coordinate column's name (gcj_lng, lng_bd09, 高德经度, wgs84_lat). */
const DATUM_WORDS =
  /gcj[-_ ]?0?2|gcj|bd[-_ ]?09(ll)?|bd|wgs[-_ ]?84|amap|gaode|baidu|tencent|gps|高德|百度|腾讯/g;

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
  // The same names qualified by a datum: the datum check reads the qualifier.
  const bare = norm.map((h) =>
    h.replace(DATUM_WORDS, '').replace(/^[-_ ()（）]+|[-_ ()（）]+$/g, ''),
  );
  for (const name of names) {
    const i = bare.indexOf(name);
    if (i >= 0) return i;
  }
  const j = norm.findIndex((h) => prefixes.some((p) => h.startsWith(p)));
  return j >= 0 ? j : norm.indexOf(fallback);
}

/** A row whose longitude cell holds a latitude near Linhai and the latitude cell a longitude. */
function rowLooksSwapped(lonCell: string, latCell: string): boolean {
  const lon = lonCell.trim();
  const lat = latCell.trim();
  if (!isDecimal(lon) || !isDecimal(lat)) return false;
  return looksSwapped(Number(lon), Number(lat));
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

export function parseCsv(
  text: string,
  problems: Problems,
  warnings: Warnings,
  swap = false,
): ParseOutcome {
  const lang = problems.lang;
  /** Lines of rows that look swapped, and how many rows had two numbers. */
  const swappedLines: number[] = [];
  let numericRows = 0;
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
        // The user's answer to "looks swapped": read each column as the other.
        if (swap) [lonAt, latAt] = [latAt, lonAt];
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
      if (isDecimal(fields[lonAt]!.trim()) && isDecimal(fields[latAt]!.trim())) numericRows++;
      // Judged once every row is read: one message for a swapped file, or one per row.
      if (rowLooksSwapped(fields[lonAt]!, fields[latAt]!)) {
        swappedLines.push(rowLine);
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

  if (swappedLines.length > 0) {
    const lonName = clip(header![lonAt]!, 30);
    const latName = clip(header![latAt]!, 30);
    if (mostlySwapped(swappedLines.length, numericRows)) {
      problems.add(
        '',
        `longitude and latitude look swapped: in ${swappedLines.length} of ${numericRows} rows the longitude column "${lonName}" holds a latitude near Linhai (26…32) and the latitude column "${latName}" a longitude (117…124)`,
        `经纬度似乎写反了：${numericRows} 行中有 ${swappedLines.length} 行，经度列“${lonName}”里是临海一带的纬度（26…32），纬度列“${latName}”里是经度（117…124）`,
      );
      return { ok: false, swapSuggested: true };
    }
    for (const at of swappedLines)
      problems.add(
        lineColumn(lang, at),
        'longitude and latitude look swapped in this row',
        '这一行的经纬度似乎写反了',
      );
  }
  if (problems.count > 0) return { ok: false };
  if (!header) {
    problems.add('', 'the file is empty', '文件是空的');
    return { ok: false };
  }
  if (features.length === 0) {
    problems.add('', 'the CSV has a header but no data rows', 'CSV 只有表头，没有数据行');
    return { ok: false };
  }
  const names: [string, string] = [header[lonAt]!, header[latAt]!];
  return { ok: true, features, coordinateColumns: names };
}
