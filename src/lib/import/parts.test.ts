import { describe, expect, it } from 'vitest';
import { checkGeometry, newGeometryContext } from './geometry';
import { scanJson } from './jsonScan';
import { Problems, Warnings } from './report';
import { isDecimal, isFormulaLike, sanitizeProperties } from './sanitize';

describe('jsonScan', () => {
  it('handles escaped quotes and backslashes inside strings', () => {
    expect(scanJson('{"a":"x\\\\","b":"say \\"hi\\""}')).toEqual({ ok: true });
    expect(scanJson('{"a":"x\\"}').ok).toBe(false);
  });

  it('counts only the top-level features list', () => {
    const nested = `{"type":"Feature","properties":{"features":[${'{},'.repeat(10)}{}]},"geometry":null}`;
    expect(scanJson(nested, { maxDepth: 32, maxFeatures: 5, maxVertices: 100 })).toEqual({
      ok: true,
    });
    const top = `{"type":"FeatureCollection","features":[${'{},'.repeat(5)}{}]}`;
    expect(scanJson(top, { maxDepth: 32, maxFeatures: 5, maxVertices: 100 }).ok).toBe(false);
  });
});

describe('sanitize', () => {
  it('checks numbers in linear time (no ReDoS on long digit runs)', () => {
    const hostile = `-${'1'.repeat(1_000_000)}x`;
    const started = performance.now();
    expect(isDecimal(hostile)).toBe(false);
    expect(isFormulaLike(hostile)).toBe(true);
    expect(isDecimal(`1${'0'.repeat(50)}.5e3`)).toBe(true);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('never writes through a prototype, even for keys read from JSON', () => {
    const raw = JSON.parse('{"__proto__":{"polluted":1},"a":"b"}') as object;
    const props = sanitizeProperties(raw, 'p', new Warnings());
    expect(Object.getPrototypeOf(props)).toBe(Object.prototype);
    expect(Object.keys(props)).toEqual(['__proto___', 'a']);
    expect(Object.assign({}, props)).toEqual({ __proto___: '{"polluted":1}', a: 'b' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('geometry', () => {
  const bowtie = {
    type: 'Polygon',
    coordinates: [
      [
        [121.1, 28.8],
        [121.2, 28.9],
        [121.2, 28.8],
        [121.1, 28.9],
        [121.1, 28.8],
      ],
    ],
  };

  it('skips the O(n²) self-intersection check once its budget is spent', () => {
    const warnings = new Warnings();
    const ctx = newGeometryContext(new Problems(), warnings);
    ctx.kinksBudget = 10;
    expect(checkGeometry(bowtie, 'g', ctx)).not.toBeNull();
    expect(warnings.list().join()).toContain('too large to check for self-intersections');
  });

  it('reports the first problems only, then stops', () => {
    const problems = new Problems('en', 2);
    const ctx = newGeometryContext(problems, new Warnings());
    const coords = Array.from({ length: 1000 }, () => ['x', 'y']);
    expect(checkGeometry({ type: 'LineString', coordinates: coords }, 'g', ctx)).toBeNull();
    expect(problems.list()).toEqual([
      'g.coordinates[0]: longitude is text "x", not a number (remove the quotes)',
      'g.coordinates[0]: latitude is text "y", not a number (remove the quotes)',
    ]);
  });
});
