import { readFileSync } from 'node:fs';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { CoastlineCollection, CountyCollection, LandCollection } from './basemap';
import { BASEMAP_DATASETS, buildDatasets } from './datasets';
import { DISPLAY_DECIMALS, DISPLAY_TOLERANCE_DEG, displayCopy } from './displayCopy';

const read = (name: string) => readFileSync(`geodata/${name}`, 'utf8');
const published = new Map(buildDatasets(read).map((o) => [o.fileName, JSON.parse(o.text)]));
const original = (source: string) => JSON.parse(read(source));

/** Planar distance in degrees from p to the segment ab (fine at ~30 m). */
function toSegment(p: Position, a: Position, b: Position): number {
  const [px, py] = p as [number, number];
  const [ax, ay] = a as [number, number];
  const [bx, by] = b as [number, number];
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0;
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
/**
 * How far the original line strays from its simplified copy, at worst. The copy keeps a
 * subsequence of the (rounded) vertices, so each original vertex is measured against the
 * copy's segments around the last kept vertex it has passed (all of them when that misses).
 */
function worstGap(line: Position[], simplified: Position[]): number {
  const kept = (p: Position, q: Position | undefined) =>
    q !== undefined && Math.abs(p[0]! - q[0]!) <= 6e-6 && Math.abs(p[1]! - q[1]!) <= 6e-6;
  let worst = 0;
  let j = 0;
  for (const p of line) {
    if (kept(p, simplified[j + 1])) j++;
    let best = Infinity;
    for (let i = Math.max(1, j); i <= Math.min(simplified.length - 1, j + 1); i++) {
      best = Math.min(best, toSegment(p, simplified[i - 1]!, simplified[i]!));
    }
    // Off the walk (a ring that passes the same point twice): measure against every segment.
    if (best > DISPLAY_TOLERANCE_DEG) {
      for (let i = 1; i < simplified.length; i++) {
        best = Math.min(best, toSegment(p, simplified[i - 1]!, simplified[i]!));
      }
    }
    worst = Math.max(worst, best);
  }
  return worst;
}
/** Every ring or line of a geometry, in order. */
function lines(g: { type: string; coordinates: unknown }): Position[][] {
  if (g.type === 'LineString') return [g.coordinates as Position[]];
  if (g.type === 'Polygon') return g.coordinates as Position[][];
  if (g.type === 'MultiPolygon') return (g.coordinates as Position[][][]).flat();
  return [];
}
const vertices = (fc: { features: { geometry: never }[] }) =>
  fc.features.reduce((n, f) => n + lines(f.geometry).flat().length, 0);

describe('published display copies of the context layers', () => {
  const cases = [
    ['taizhou-counties.geojson', 'counties.geojson', CountyCollection],
    ['coast-land-gshhg.geojson', 'land.geojson', LandCollection],
    ['coastline-gshhg.geojson', 'coastline.geojson', CoastlineCollection],
  ] as const;

  it.each(cases)('%s: still valid, fewer vertices, same features', (source, output, schema) => {
    const copy = published.get(output);
    expect(() => schema.parse(copy)).not.toThrow();
    const full = original(source);
    expect(copy.features.map((f: { properties: unknown }) => f.properties)).toEqual(
      full.features.map((f: { properties: unknown }) => f.properties),
    );
    expect(vertices(copy)).toBeLessThan(vertices(full) * 0.9);
  });

  it.each(cases)('%s: no original vertex strays more than the tolerance', (source, output) => {
    const full = original(source);
    const copy = published.get(output);
    const slack = DISPLAY_TOLERANCE_DEG + 10 ** -DISPLAY_DECIMALS;
    full.features.forEach((f: { geometry: never }, i: number) => {
      const a = lines(f.geometry);
      const b = lines(copy.features[i].geometry);
      expect(b).toHaveLength(a.length);
      a.forEach((line, j) => expect(worstGap(line, b[j]!)).toBeLessThanOrEqual(slack));
    });
  });

  it("keeps 临海's own outline exact, in the counties and in the boundary file", () => {
    const isLinhai = (f: { properties: { adcode: string } }) => f.properties.adcode === '331082';
    const full = original('taizhou-counties.geojson').features.find(isLinhai);
    expect(published.get('counties.geojson').features.find(isLinhai)).toEqual(full);
    expect(published.get('boundary.geojson')).toEqual(original('linhai-boundary.geojson'));
  });

  it('leaves every ring closed with at least four positions', () => {
    const copy = displayCopy(original('coast-land-gshhg.geojson'));
    for (const f of copy.features) {
      for (const ring of lines(f.geometry)) {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring.at(-1)).toEqual(ring[0]);
      }
    }
  });
});

it('BASEMAP_DATASETS publishes display copies only for the context layers', () => {
  expect(BASEMAP_DATASETS.filter((d) => d.publish).map((d) => d.output)).toEqual([
    'counties.geojson',
    'land.geojson',
    'coastline.geojson',
  ]);
});
