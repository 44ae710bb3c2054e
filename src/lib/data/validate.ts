import type { z } from 'zod';

/** A data file that failed validation; the message names file, feature and reason. */
export class DataError extends Error {
  override name = 'DataError';
}

/** Collections whose entries are named in messages: GeoJSON features, unplaced places. */
const LISTS = ['features', 'places'];

function describeFeature(json: unknown, path: PropertyKey[]): string {
  if (!LISTS.includes(String(path[0])) || typeof path[1] !== 'number') return '';
  const list = (json as Record<string, unknown[] | undefined>)[String(path[0])];
  const entry = list?.[path[1]] as Record<string, unknown> | undefined;
  const props = (entry?.properties ?? entry ?? {}) as Record<string, unknown>;
  const name = props.name ?? props.name_zh ?? props.id;
  return typeof name === 'string' ? ` «${name}»` : '';
}

function formatPath(path: PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/**
 * Parse `json` with `schema`, or throw a DataError such as
 * `geodata/seats.geojson: features[3] «古城街道» properties.kind: Invalid option…`.
 * At most `maxIssues` problems are listed.
 */
export function validateData<S extends z.ZodType>(
  file: string,
  schema: S,
  json: unknown,
  maxIssues = 5,
): z.infer<S> {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const lines = result.error.issues.slice(0, maxIssues).map((issue) => {
    const inFeature = LISTS.includes(String(issue.path[0])) && typeof issue.path[1] === 'number';
    const head = inFeature
      ? `${String(issue.path[0])}[${String(issue.path[1])}]${describeFeature(json, issue.path)}`
      : '';
    const rest = formatPath(inFeature ? issue.path.slice(2) : issue.path);
    const where = [head, rest].filter(Boolean).join(' ') || '(root)';
    return `${file}: ${where}: ${issue.message}`;
  });
  const more = result.error.issues.length - lines.length;
  if (more > 0) lines.push(`${file}: …and ${more} more problem(s)`);
  throw new DataError(lines.join('\n'));
}

/** JSON.parse with the file named in the error. */
export function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DataError(`${file}: not valid JSON (${(error as Error).message})`);
  }
}
