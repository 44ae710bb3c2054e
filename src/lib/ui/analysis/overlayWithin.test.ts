import { describe, expect, it } from 'vitest';
import { overlaySummary } from '../../import/summary';
import type { OverlayCollection, OverlayFeature } from '../../import/types';
import type { Overlay } from '../import/overlayState.svelte';
import { overlaysWithin } from './overlayWithin';

const point = (lon: number, lat: number, properties = {}): OverlayFeature => ({
  type: 'Feature',
  properties,
  geometry: { type: 'Point', coordinates: [lon, lat] },
});

function overlay(id: string, features: OverlayFeature[], visible = true): Overlay {
  const collection: OverlayCollection = { type: 'FeatureCollection', features };
  return {
    id,
    name: `${id}.geojson`,
    crs: 'WGS84',
    collection,
    summary: overlaySummary(collection),
    warnings: [],
    colour: '#000',
    visible,
  };
}

// 0.01° of latitude ≈ 1.11 km.
const centre = [121.14, 28.86];

describe('overlaysWithin', () => {
  it('lists the features in reach, nearest first, with their index and a name', () => {
    const ov = overlay('ov1', [
      point(121.14, 28.9, { name: '远' }), // ≈ 4.4 km
      point(121.14, 28.87, { 名称: '近' }), // ≈ 1.1 km
      point(121.14, 29.2, { name: '太远' }), // ≈ 38 km
      point(121.14, 28.88), // ≈ 2.2 km, nameless
    ]);
    const [group, ...rest] = overlaysWithin(centre, 5, [ov]);
    expect(rest).toEqual([]);
    expect(group!.overlay).toBe(ov);
    expect(group!.total).toBe(3);
    expect(group!.hits.map((h) => [h.index, h.label])).toEqual([
      [1, '近'],
      [3, null],
      [0, '远'],
    ]);
    expect(group!.hits[0]!.km).toBeCloseTo(1.11, 1);
  });

  it('leaves out hidden overlays and those with nothing in reach', () => {
    const near = [point(121.14, 28.87)];
    const groups = overlaysWithin(centre, 5, [
      overlay('ov1', near, false),
      overlay('ov2', [point(122, 30)]),
      overlay('ov3', near),
    ]);
    expect(groups.map((g) => g.overlay.id)).toEqual(['ov3']);
  });

  it('counts every feature in reach but lists only the nearest `max`', () => {
    const many = Array.from({ length: 120 }, (_, i) => point(121.14, 28.86 + i * 0.0001));
    const [group] = overlaysWithin(centre, 5, [overlay('ov1', many)], 50);
    expect(group!.total).toBe(120);
    expect(group!.hits).toHaveLength(50);
    expect(group!.hits.map((h) => h.index)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});
