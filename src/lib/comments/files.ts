import Papa from 'papaparse';
import type { z } from 'zod';
import { Comment } from './schema';

/**
 * Comment files: what the planning office receives, and what one consultation
 * laptop hands to another. GeoJSON (RFC 7946, a Point per comment) and CSV
 * (UTF-8 with BOM so spreadsheet programs read the Chinese text).
 */

/** The CSV columns, in order. */
export const CSV_COLUMNS = [
  'id',
  'kind',
  'status',
  'text',
  'lon',
  'lat',
  'section',
  'feature',
  'created',
  'updated',
  'schemaVersion',
] as const;

/** Files larger than this are refused before parsing. */
export const MAX_FILE_CHARS = 20_000_000;
/** More comments than this in one file are refused. */
export const MAX_FILE_COMMENTS = 50_000;
const MAX_PROBLEMS = 5;

/** GeoJSON FeatureCollection of the comments, one Point per comment, properties in CSV column order. */
export function exportGeojson(comments: readonly Comment[]): string {
  const features = comments.map((c) => ({
    type: 'Feature',
    id: c.id,
    geometry: { type: 'Point', coordinates: [c.lon, c.lat] },
    properties: {
      id: c.id,
      kind: c.kind,
      status: c.status,
      text: c.text,
      section: c.section ?? null,
      feature: c.feature ?? null,
      created: c.created,
      updated: c.updated,
      schemaVersion: c.schemaVersion,
    },
  }));
  return JSON.stringify({ type: 'FeatureCollection', features }, null, 1);
}

/** Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection), and `'` itself so the escape is reversible. */
const FORMULA_START = /^[=+\-@\t\r']/;

/** Prefix a cell that a spreadsheet would take as a formula with `'`. */
export function escapeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Undo `escapeCell`. */
export function unescapeCell(value: string): string {
  return value.startsWith("'") ? value.slice(1) : value;
}

/**
 * CSV of the comments: UTF-8 with a BOM, CRLF line ends, a header row, every
 * text cell escaped against formula injection (numbers are written as numbers).
 */
export function exportCsv(comments: readonly Comment[]): string {
  const rows = comments.map((c) =>
    CSV_COLUMNS.map((column) => {
      const value = c[column];
      if (value === undefined) return '';
      return typeof value === 'number' ? String(value) : escapeCell(value);
    }),
  );
  return (
    '\uFEFF' +
    Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { newline: '\r\n', quotes: false }) +
    '\r\n'
  );
}

/** The outcome of reading a comments file: the comments, or a plain-words error. */
export type ParseResult =
  | { ok: true; format: 'geojson' | 'csv'; comments: Comment[] }
  | { ok: false; error: string; problems: string[] };

const fail = (error: string, problems: string[] = []): ParseResult => ({
  ok: false,
  error,
  problems,
});

function describeIssues(where: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join('.') || '(record)';
    return `${where}, ${field}: ${issue.message}`;
  });
}

function validateAll(
  format: 'geojson' | 'csv',
  records: { where: string; value: unknown }[],
): ParseResult {
  if (records.length > MAX_FILE_COMMENTS) {
    return fail(
      `The file holds ${records.length} comments; at most ${MAX_FILE_COMMENTS} can be read.`,
    );
  }
  const comments: Comment[] = [];
  const problems: string[] = [];
  for (const { where, value } of records) {
    const result = Comment.safeParse(value);
    if (result.success) comments.push(result.data);
    else problems.push(...describeIssues(where, result.error));
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_PROBLEMS);
    if (problems.length > shown.length) shown.push(`…and ${problems.length - shown.length} more`);
    return fail(`The file has invalid comments; nothing was imported.`, shown);
  }
  return { ok: true, format, comments };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function parseGeojson(text: string): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail(`The file is not valid JSON (${(error as Error).message}).`);
  }
  if (!isObject(json) || json.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    return fail('The file is JSON but not a GeoJSON FeatureCollection of comments.');
  }
  const records: { where: string; value: unknown }[] = [];
  const problems: string[] = [];
  json.features.forEach((feature: unknown, i) => {
    const where = `features[${i}]`;
    if (!isObject(feature) || feature.type !== 'Feature') {
      problems.push(`${where}: not a GeoJSON Feature`);
      return;
    }
    const geometry = feature.geometry;
    const coordinates = isObject(geometry) ? geometry.coordinates : undefined;
    if (!isObject(geometry) || geometry.type !== 'Point' || !Array.isArray(coordinates)) {
      problems.push(`${where}: a comment must be a Point`);
      return;
    }
    const properties = isObject(feature.properties) ? feature.properties : {};
    const nullToUndefined = (value: unknown) => (value === null ? undefined : value);
    records.push({
      where,
      value: {
        id: properties.id ?? feature.id,
        kind: properties.kind,
        status: nullToUndefined(properties.status),
        text: properties.text,
        lon: coordinates[0],
        lat: coordinates[1],
        section: nullToUndefined(properties.section),
        feature: nullToUndefined(properties.feature),
        created: properties.created,
        updated: properties.updated,
        schemaVersion: properties.schemaVersion,
      },
    });
  });
  if (problems.length > 0) {
    return fail(
      'The file has features that are not comments; nothing was imported.',
      problems.slice(0, MAX_PROBLEMS),
    );
  }
  return validateAll('geojson', records);
}

const NUMBER = /^-?\d+(\.\d+)?$/;

function parseCsv(text: string): ParseResult {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  const rows = parsed.data;
  const header = rows[0]?.map((cell) => cell.trim());
  const required = ['id', 'kind', 'text', 'lon', 'lat', 'created', 'updated'];
  const missing = required.filter((column) => !header?.includes(column));
  if (!header || missing.length > 0) {
    return fail(`The CSV file lacks the column(s) ${missing.join(', ')}; is it a comments export?`);
  }
  const structural = parsed.errors.filter((e) => e.type !== 'Delimiter');
  if (structural.length > 0) {
    return fail(
      'The CSV file is malformed.',
      structural.slice(0, MAX_PROBLEMS).map((e) => `row ${(e.row ?? 0) + 2}: ${e.message}`),
    );
  }
  const records = rows.slice(1).map((row, i) => {
    const value: Record<string, unknown> = {};
    header.forEach((column, c) => {
      if (!(CSV_COLUMNS as readonly string[]).includes(column)) return;
      const cell = row[c];
      if (cell === undefined || cell === '') return;
      if (column === 'lon' || column === 'lat' || column === 'schemaVersion') {
        value[column] = NUMBER.test(cell.trim()) ? Number(cell) : cell;
      } else {
        value[column] = unescapeCell(cell);
      }
    });
    // Line numbers as a spreadsheet shows them: the header is line 1.
    return { where: `line ${i + 2}`, value };
  });
  return validateAll('csv', records);
}

/**
 * Read a comments file exported by this app (GeoJSON or CSV, detected from its
 * content). Every comment is validated; if any is invalid nothing is returned
 * and the error lists the first problems with where they are (line or feature).
 * Never throws.
 */
export function parseCommentsFile(text: string): ParseResult {
  if (typeof text !== 'string') return fail('The file could not be read as text.');
  if (text.length > MAX_FILE_CHARS) {
    return fail(`The file is too large (over ${MAX_FILE_CHARS / 1_000_000} million characters).`);
  }
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return fail('The file is empty.');
  if (/^\s*[{[]/.test(body)) return parseGeojson(body);
  return parseCsv(body);
}
