import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection } from 'geojson';
import { expect } from 'vitest';

/**
 * Fixture tests in the Turf manner: inputs in `test/in/*.geojson`, expected outputs in
 * `test/out/*.json`. Outputs are written only on purpose: `REGEN=1 npx vitest run src/lib/geo`.
 * Numbers are rounded to 1e-6 (a millimetre in km) so float noise does not churn the files;
 * regenerated files are run through Prettier.
 */

const here = import.meta.dirname;
export const IN = join(here, 'in');
export const OUT = join(here, 'out');
const REGEN = process.env.REGEN === '1';

/** The fixtures whose file name starts with `prefix`, parsed. */
export function fixtures(prefix: string): { name: string; input: FeatureCollection }[] {
  return readdirSync(IN)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.geojson'))
    .sort()
    .map((f) => ({
      name: f.replace(/\.geojson$/, ''),
      input: JSON.parse(readFileSync(join(IN, f), 'utf8')) as FeatureCollection,
    }));
}

/** Features of a fixture with a given `properties.role`. */
export function byRole(fc: FeatureCollection, role: string): Feature[] {
  return fc.features.filter((f) => f.properties?.role === role);
}

/** Features of a fixture without a role: the plan features. */
export function planFeatures<F = Feature>(fc: FeatureCollection): F[] {
  return fc.features.filter((f) => f.properties?.role === undefined) as F[];
}

function rounded(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (_k, v: unknown) =>
      typeof v === 'number' ? Math.round(v * 1e6) / 1e6 + 0 : v,
    ),
  );
}

/** Compares `actual` with `out/<name>.json`, or writes it when REGEN=1. */
export function expectFixture(name: string, actual: unknown): void {
  const file = join(OUT, `${name}.json`);
  const value = rounded(actual);
  if (REGEN || !existsSync(file)) {
    if (!REGEN) throw new Error(`missing expected output ${file}; run with REGEN=1 to create it`);
    writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
    // keep regenerated files in the repo's format (`npm run lint` checks them)
    execFileSync(join(here, '../../../../node_modules/.bin/prettier'), ['--write', file]);
  }
  expect(value).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}
