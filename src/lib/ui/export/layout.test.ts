import { describe, expect, it } from 'vitest';
import { ATTRIBUTION } from '../../map/attribution';
import { exportFileName, exportLayout, metresPerPixel, plainAttribution, scaleBar } from './layout';

describe('exportLayout', () => {
  it('adds a 24 px margin, a 220 px legend band right of the map and 64 + 56 px bands, at the pixel ratio', () => {
    expect(exportLayout(900, 743, 1)).toMatchObject({ width: 900 + 48 + 220, height: 863 });
    expect(exportLayout(1800, 1486, 2)).toMatchObject({ width: 1800 + 96 + 440, height: 1726 });
    // 1.5: round(36), round(330), round(96), round(84).
    expect(exportLayout(1350, 1114, 1.5)).toMatchObject({ width: 1350 + 72 + 330, height: 1294 });
  });

  it('places the map whole, unscaled, below the header', () => {
    const layout = exportLayout(900, 743, 2);
    expect(layout.map).toEqual({ x: 48, y: 128, width: 900, height: 743 });
    expect(layout.map.y + layout.map.height + layout.footer).toBe(layout.height);
  });

  it('keeps the legend, scale and north arrow off the map: every part of the city stays clear', () => {
    for (const [w, h, r] of [
      [900, 743, 1],
      [1800, 1486, 2],
      [390, 420, 3],
    ] as const) {
      const { map, side, width } = exportLayout(w, h, r);
      expect(side.x).toBeGreaterThanOrEqual(map.x + map.width);
      expect(side.x + side.width).toBeLessThanOrEqual(width);
      expect(side.y).toBe(map.y);
      expect(side.height).toBe(map.height);
    }
  });

  it('treats a broken ratio as 1', () => {
    expect(exportLayout(100, 100, Number.NaN)).toMatchObject({ width: 368, height: 220 });
    expect(exportLayout(100, 100, 0)).toMatchObject({ width: 368, height: 220 });
  });
});

describe('metresPerPixel and scaleBar', () => {
  it('gives Web Mercator ground resolution (equator, zoom 0: 78 271.5 m/px at 512 px tiles)', () => {
    expect(metresPerPixel(0, 0)).toBeCloseTo(78271.517, 2);
    expect(metresPerPixel(60, 1)).toBeCloseTo(78271.517 / 4, 2);
  });

  it('picks the longest 1-2-5 distance that fits', () => {
    const mpp = metresPerPixel(28.85, 10);
    expect(mpp).toBeCloseTo(66.97, 1);
    const bar = scaleBar(mpp, 120);
    expect(bar.metres).toBe(5000);
    expect(bar.px).toBeLessThanOrEqual(120);
    expect(bar.px).toBeGreaterThan(60);
    expect(scaleBar(1, 120).metres).toBe(100);
    expect(scaleBar(1, 99).metres).toBe(50);
    expect(scaleBar(0.5, 120).metres).toBe(50);
  });
});

describe('exportFileName', () => {
  it('is linhai-plan-map-YYYYMMDD.png by the local date', () => {
    expect(exportFileName(new Date(2025, 0, 7, 23, 59))).toBe('linhai-plan-map-20250107.png');
  });
});

describe('plainAttribution', () => {
  it('drops the link markup and keeps the credit', () => {
    const lines = plainAttribution(ATTRIBUTION);
    expect(lines.join('\n')).not.toMatch(/[<>]/);
    expect(lines.join('\n')).toContain('GeoNames（CC BY 4.0）');
    expect(lines).toHaveLength(ATTRIBUTION.length);
  });
});
