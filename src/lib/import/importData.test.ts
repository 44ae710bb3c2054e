import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { areaKm2 } from '../geo/measure';
import { featuresWithin } from '../geo/within';
import { exportOverlay, importData, overlaySummary } from './importData';
import { LIMITS } from './limits';
import { safeHref } from './sanitize';
import { positionsOf } from './stats';
import type { Crs, ImportResult, OverlayCollection, PropertyValue } from './types';

const dir = join(import.meta.dirname, '../../../tests/fixtures/hostile');

interface Case {
  file: string;
  description: string;
  expect: 'reject' | 'accept';
  error?: string;
  crs?: Crs;
  format?: 'geojson' | 'csv';
  features?: number;
  warnings?: string[];
  noWarnings?: boolean;
  hostileText?: { feature: number; key: string; value: string }[];
  hostileKeys?: { feature: number; key: string }[];
  links?: { feature: number; key: string; href: string | null }[];
  properties?: { feature: number; key: string; value: PropertyValue }[];
  absentKeys?: { feature: number; key: string }[];
  valueLengths?: { feature: number; key: string; length: number }[];
  ids?: (string | number | null)[];
  firstPosition?: number[];
  firstPositionApprox?: number[];
  rfc7946Winding?: boolean;
}

const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
  cases: Case[];
  generated: { name: string }[];
};

function accepted(result: ImportResult) {
  if (!result.ok) throw new Error(`expected acceptance, got: ${result.errors.join(' | ')}`);
  return result;
}

function rejected(result: ImportResult) {
  if (result.ok)
    throw new Error(`expected rejection, got ${result.collection.features.length} features`);
  return result;
}

/** Shoelace sum: positive for counter-clockwise rings in lon/lat. */
function signedArea(ring: readonly (readonly number[])[]): number {
  let sum = 0;
  for (let i = 1; i < ring.length; i++) {
    const [x1, y1] = ring[i - 1]!;
    const [x2, y2] = ring[i]!;
    sum += x1! * y2! - x2! * y1!;
  }
  return sum / 2;
}

function expectRfc7946Winding(collection: OverlayCollection) {
  for (const { geometry } of collection.features) {
    const polygons =
      geometry.type === 'Polygon'
        ? [geometry.coordinates]
        : geometry.type === 'MultiPolygon'
          ? geometry.coordinates
          : [];
    for (const [outer, ...holes] of polygons) {
      expect(signedArea(outer!)).toBeGreaterThan(0);
      for (const hole of holes) expect(signedArea(hole)).toBeLessThan(0);
    }
  }
}

afterEach(() => {
  // No payload may reach Object.prototype.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
  expect((globalThis as Record<string, unknown>).__pwned).toBeUndefined();
});

describe('hostile corpus (tests/fixtures/hostile/manifest.json)', () => {
  it('has at least 60 fixtures, each file listed once', () => {
    expect(manifest.cases.length).toBeGreaterThanOrEqual(60);
    expect(new Set(manifest.cases.map((c) => c.file)).size).toBe(manifest.cases.length);
  });

  it.each(manifest.cases.map((c) => [c.file, c] as const))('%s', (file, c) => {
    const bytes = new Uint8Array(readFileSync(join(dir, file)));
    const result = importData({ bytes, fileName: file, crs: c.crs ?? 'WGS84', format: c.format });
    if (c.expect === 'reject') {
      const { errors } = rejected(result);
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.join('\n')).toContain(c.error);
      return;
    }
    const { collection, warnings, stats } = accepted(result);
    const features = collection.features;
    expect(features).toHaveLength(c.features!);
    expect(stats.features).toBe(features.length);
    for (const w of c.warnings ?? []) expect(warnings.join('\n')).toContain(w);
    if (c.noWarnings) expect(warnings).toEqual([]);
    const props = (i: number) => features[i]!.properties;
    for (const h of c.hostileText ?? []) expect(props(h.feature)[h.key]).toBe(h.value);
    for (const h of c.hostileKeys ?? []) expect(Object.keys(props(h.feature))).toContain(h.key);
    for (const l of c.links ?? []) expect(safeHref(props(l.feature)[l.key])).toBe(l.href);
    for (const p of c.properties ?? []) expect(props(p.feature)[p.key]).toBe(p.value);
    for (const a of c.absentKeys ?? []) expect(Object.hasOwn(props(a.feature), a.key)).toBe(false);
    for (const v of c.valueLengths ?? [])
      expect(String(props(v.feature)[v.key]).length).toBe(v.length);
    if (c.ids) expect(features.map((f) => f.id ?? null)).toEqual(c.ids);
    const first = positionsOf(features[0]!.geometry)[0]!;
    if (c.firstPosition) {
      expect(first).toEqual(c.firstPosition);
      first.forEach((v) => expect(Object.is(v, -0)).toBe(false));
    }
    if (c.firstPositionApprox)
      c.firstPositionApprox.forEach((v, i) => expect(first[i]).toBeCloseTo(v, 4));
    if (c.rfc7946Winding) expectRfc7946Winding(collection);
    // Every accepted import has safe keys, scalar values and survives export.
    for (const f of features) {
      for (const key of ['__proto__', 'constructor', 'prototype'])
        expect(Object.hasOwn(f.properties, key)).toBe(false);
      expect(Object.getPrototypeOf(f.properties)).toBe(Object.prototype);
      for (const value of Object.values(f.properties))
        expect(value === null || ['string', 'number', 'boolean'].includes(typeof value)).toBe(true);
    }
    const again = importData({ text: exportOverlay(collection), crs: 'WGS84', format: 'geojson' });
    expect(accepted(again).collection.features).toHaveLength(features.length);
  });
});

describe('hostile corpus in Chinese (lang: zh)', () => {
  it.each(manifest.cases.map((c) => [c.file, c] as const))('%s', (file, c) => {
    const bytes = new Uint8Array(readFileSync(join(dir, file)));
    const result = importData({ bytes, fileName: file, crs: c.crs ?? 'WGS84', lang: 'zh' });
    expect(result.ok).toBe(c.expect === 'accept');
    const messages = result.ok ? result.warnings : result.errors;
    for (const message of messages) expect(message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('generated hostile inputs (too big to commit)', () => {
  afterEach(() => vi.restoreAllMocks());
  const point =
    '{"type":"Feature","properties":null,"geometry":{"type":"Point","coordinates":[1,2]}}';
  const collection = (feature: string, n: number) =>
    `{"type":"FeatureCollection","features":[${`${feature},`.repeat(n - 1)}${feature}]}`;

  it('lists every generated case in the manifest', () => {
    expect(manifest.generated.map((g) => g.name).sort()).toEqual(
      [
        'deep-nesting-100k',
        'million-features',
        'million-null-features',
        'over-size-limit',
        'over-vertex-limit',
        'ten-mb-string',
      ].sort(),
    );
  });

  it('million-features: a million tiny Points are refused by size before parsing', () => {
    const parse = vi.spyOn(JSON, 'parse');
    const { errors } = rejected(importData({ text: collection(point, 1_000_000), crs: 'WGS84' }));
    expect(errors[0]).toContain('more than the 50 MB limit');
    expect(parse).not.toHaveBeenCalled();
  });

  it('million-null-features: refused by the feature limit before JSON.parse', () => {
    const text = collection('{"geometry":null,"type":"Feature"}', 1_000_000);
    expect(text.length).toBeLessThan(LIMITS.maxBytes);
    const parse = vi.spyOn(JSON, 'parse');
    const started = performance.now();
    const { errors } = rejected(importData({ text, crs: 'WGS84' }));
    expect(errors[0]).toContain('more than 200 000 features');
    expect(parse).not.toHaveBeenCalled();
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('over-vertex-limit: a line with 2 000 001 positions is refused before JSON.parse', () => {
    const coords = Array(LIMITS.maxVertices + 1)
      .fill('[1,2]')
      .join(',');
    const parse = vi.spyOn(JSON, 'parse');
    const { errors } = rejected(
      importData({ text: `{"type":"LineString","coordinates":[${coords}]}`, crs: 'WGS84' }),
    );
    expect(errors[0]).toContain('more than 2 000 000 coordinate positions');
    expect(parse).not.toHaveBeenCalled();
  });

  it('over-size-limit: 51 MiB of bytes are refused before decoding', () => {
    const bytes = new Uint8Array(51 * 1024 * 1024);
    const { errors } = rejected(importData({ bytes, crs: 'WGS84' }));
    expect(errors[0]).toContain('more than the 50 MB limit');
  });

  it('ten-mb-string: a 10 MB name is truncated, not rejected', () => {
    const name = 'A'.repeat(10_000_000);
    const text = `{"type":"Feature","properties":{"name":"${name}"},"geometry":{"type":"Point","coordinates":[121.14,28.86]}}`;
    const { collection, warnings } = accepted(importData({ text, crs: 'WGS84' }));
    const value = collection.features[0]!.properties.name as string;
    expect(value).toHaveLength(LIMITS.maxStringLength + 1);
    expect(value.endsWith('…')).toBe(true);
    expect(warnings.join('\n')).toContain('was cut to 10000');
  });

  it('deep-nesting-100k: 100 000 nested arrays are refused without recursion', () => {
    const text = '['.repeat(100_000) + ']'.repeat(100_000);
    const { errors } = rejected(importData({ text, crs: 'WGS84', format: 'geojson' }));
    expect(errors[0]).toContain('nested more than 32 levels deep');
  });
});

describe('valid imports', () => {
  const square = [
    [121.1, 28.8],
    [121.2, 28.8],
    [121.2, 28.9],
    [121.1, 28.9],
    [121.1, 28.8],
  ];

  it('imports a FeatureCollection with stats and a legend summary', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 'a',
          properties: { name: '古城' },
          geometry: { type: 'Polygon', coordinates: [square] },
        },
        {
          type: 'Feature',
          properties: { name: '站' },
          geometry: { type: 'Point', coordinates: [121.14, 28.86] },
        },
        {
          type: 'Feature',
          properties: null,
          geometry: {
            type: 'LineString',
            coordinates: [
              [121.1, 28.8],
              [121.3, 28.9],
            ],
          },
        },
        {
          type: 'Feature',
          properties: {},
          geometry: { type: 'Point', coordinates: [121.15, 28.87] },
        },
      ],
    });
    const { collection, warnings, stats, format } = accepted(importData({ text, crs: 'WGS84' }));
    expect(format).toBe('geojson');
    expect(warnings).toEqual([]);
    expect(stats).toEqual({ features: 4, vertices: 9, bbox: [121.1, 28.8, 121.3, 28.9] });
    expect(collection.features[0]!.id).toBe('a');
    expect(collection.features[2]!.properties).toEqual({});
    expect(overlaySummary(collection)).toEqual({
      features: 4,
      vertices: 9,
      bbox: [121.1, 28.8, 121.3, 28.9],
      types: [
        { type: 'Point', count: 2 },
        { type: 'LineString', count: 1 },
        { type: 'Polygon', count: 1 },
      ],
      kinds: { points: 2, lines: 1, areas: 1 },
    });
  });

  it('feeds the geo tools: RFC 7946 types, area and within-X-km', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: 'a' },
          geometry: { type: 'Polygon', coordinates: [[...square].reverse()] },
        },
        {
          type: 'Feature',
          properties: { name: 'b' },
          geometry: { type: 'Point', coordinates: [121.15, 28.85] },
        },
        {
          type: 'Feature',
          properties: { name: 'c' },
          geometry: { type: 'Point', coordinates: [121.6, 28.85] },
        },
      ],
    });
    const { collection } = accepted(importData({ text, crs: 'WGS84' }));
    const asGeojson: FeatureCollection = collection; // assignable to the standard GeoJSON type
    expect(areaKm2(asGeojson.features[0]!)).toBeCloseTo(108.3, 1);
    const hits = featuresWithin({ type: 'Point', coordinates: [121.15, 28.85] }, 5, collection);
    expect(hits.map((h) => h.feature.properties.name).sort()).toEqual(['a', 'b']);
  });

  it('converts a GCJ-02 point near Linhai by about 500 m', () => {
    const text = JSON.stringify({ type: 'Point', coordinates: [121.14, 28.86] });
    const { collection } = accepted(importData({ text, crs: 'GCJ02' }));
    const [lon, lat] = positionsOf(collection.features[0]!.geometry)[0]!;
    const dx = (lon - 121.14) * 111_320 * Math.cos((28.86 * Math.PI) / 180);
    const dy = (lat - 28.86) * 110_574;
    const metres = Math.hypot(dx, dy);
    expect(metres).toBeGreaterThan(400);
    expect(metres).toBeLessThan(700);
    expect(lon).toBeLessThan(121.14); // GCJ-02 is shifted east of WGS-84 here
  });

  it('converts BD-09 further than GCJ-02', () => {
    const text = JSON.stringify({ type: 'Point', coordinates: [121.14, 28.86] });
    const gcj = positionsOf(
      accepted(importData({ text, crs: 'GCJ02' })).collection.features[0]!.geometry,
    )[0]!;
    const bd = positionsOf(
      accepted(importData({ text, crs: 'BD09' })).collection.features[0]!.geometry,
    )[0]!;
    expect(121.14 - bd[0]).toBeGreaterThan(121.14 - gcj[0]);
  });

  it('imports a CSV with 经度/纬度 columns as points with string properties', () => {
    const text = '名称,经度,纬度,人口\n临海市政府,121.14,28.86,1000\n古城街道,121.12,28.85,2000\n';
    const { collection, format } = accepted(
      importData({ text, fileName: 'places.csv', crs: 'WGS84' }),
    );
    expect(format).toBe('csv');
    expect(collection.features.map((f) => f.geometry)).toEqual([
      { type: 'Point', coordinates: [121.14, 28.86] },
      { type: 'Point', coordinates: [121.12, 28.85] },
    ]);
    expect(collection.features[1]!.properties).toEqual({ 名称: '古城街道', 人口: '2000' });
  });

  it('detects the format from content when there is no file name', () => {
    expect(
      accepted(importData({ text: ' {"type":"Point","coordinates":[121,28]}', crs: 'WGS84' }))
        .format,
    ).toBe('geojson');
    expect(accepted(importData({ text: 'lat,lon\n28.86,121.14\n', crs: 'WGS84' })).format).toBe(
      'csv',
    );
    expect(rejected(importData({ text: '<kml></kml>', crs: 'WGS84' })).errors[0]).toContain(
      'XML or HTML',
    );
  });

  it('exports RFC 7946 GeoJSON that round-trips', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'EPSG:4326' } },
      features: [
        {
          type: 'Feature',
          id: 3,
          properties: { n: 1 },
          geometry: { type: 'Polygon', coordinates: [[...square].reverse()] },
        },
      ],
    });
    const { collection } = accepted(importData({ text, crs: 'GCJ02' }));
    const exported = JSON.parse(exportOverlay(collection));
    expect(Object.keys(exported)).toEqual(['type', 'features']);
    expect(exported.features[0].id).toBe(3);
    const ring = exported.features[0].geometry.coordinates[0] as number[][];
    expect(signedArea(ring)).toBeGreaterThan(0);
    for (const [lon, lat] of ring) {
      expect(String(lon).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(7);
      expect(String(lat).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(7);
    }
    expect(
      accepted(importData({ text: JSON.stringify(exported), crs: 'WGS84' })).stats.features,
    ).toBe(1);
  });

  it('never throws, whatever it is given', () => {
    const weird = [
      {},
      { text: undefined },
      { crs: 'EPSG3857' },
      { text: '{}', crs: 'WGS84', format: 'shp' },
      { bytes: new ArrayBuffer(0), crs: 'WGS84' },
    ] as unknown as Parameters<typeof importData>[0][];
    for (const input of weird) expect(importData(input).ok).toBe(false);
  });
});

describe('safeHref', () => {
  it.each([
    ['https://www.linhai.gov.cn/a?b=1#c', 'https://www.linhai.gov.cn/a?b=1#c'],
    ['HTTP://Example.com', 'http://example.com/'],
    ['javascript:alert(1)', null],
    [' javascript:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['vbscript:msgbox(1)', null],
    ['/relative/path', null],
    ['//evil.example', null],
    ['https://user:pw@evil.example', null],
    ['https://', null],
    [42, null],
    [null, null],
  ])('%s → %s', (input, expected) => {
    expect(safeHref(input)).toBe(expected);
  });
});
