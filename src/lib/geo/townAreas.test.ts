import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { area, booleanPointInPolygon, featureCollection, intersect } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  CENTRAL_CITY_TOWNS,
  townAreas,
  unionAll,
  zoneAreas,
  ZONE_MEMBERSHIP,
  type Area,
} from './townAreas';

const geodata = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, '../../../geodata', name), 'utf8')) as unknown;
const seats = geodata('linhai-township-seats.geojson') as FeatureCollection<Point>;
const boundary = geodata('linhai-boundary.geojson') as FeatureCollection<Polygon | MultiPolygon>;
const km2 = (f: Feature<Area>) => area(f) / 1e6;

const towns = townAreas(seats, boundary);
const zones = zoneAreas(towns);
const boundaryKm2 = km2(boundary.features[0]!);

describe('townAreas', () => {
  it('gives one schematic area per seat, named after it', () => {
    expect(towns.features).toHaveLength(19);
    expect(towns.features.map((t) => t.properties.name)).toEqual(
      seats.features.map((s) => s.properties?.name),
    );
    expect(towns.features.every((t) => t.properties.confidence === 'schematic')).toBe(true);
  });

  it('puts each seat inside its own cell', () => {
    seats.features.forEach((seat, i) => {
      expect(booleanPointInPolygon(seat, towns.features[i]!), String(seat.properties?.name)).toBe(
        true,
      );
    });
  });

  it('tiles the boundary: the cells add up to the city area', () => {
    const sum = towns.features.reduce((s, t) => s + km2(t), 0);
    expect(Math.abs(sum - boundaryKm2) / boundaryKm2).toBeLessThan(0.005);
  });

  it('rejects repeated seat names', () => {
    const twice = { ...seats, features: [seats.features[0]!, seats.features[0]!] };
    expect(() => townAreas(twice, boundary)).toThrow(/repeat/);
  });
});

describe('zoneAreas', () => {
  it('covers every seat exactly once in the plan membership', () => {
    const members = Object.values(ZONE_MEMBERSHIP).flatMap((z) => [...z.towns]);
    expect(new Set(members).size).toBe(19);
    expect(members.sort()).toEqual(seats.features.map((s) => String(s.properties?.name)).sort());
    expect(
      CENTRAL_CITY_TOWNS.every((t) => ZONE_MEMBERSHIP['zone-central'].towns.includes(t as never)),
    ).toBe(true);
  });

  it('gives the three zones of 一带三区', () => {
    expect(zones.features.map((z) => z.properties.name)).toEqual([
      '东部湾区',
      '中部综合发展区',
      '西部生态发展区',
    ]);
  });

  it('tiles the boundary: union area ≈ boundary area within 0.5 %', () => {
    const all = unionAll(zones.features)!;
    expect(Math.abs(km2(all) - boundaryKm2) / boundaryKm2).toBeLessThan(0.005);
  });

  it('does not overlap: pairwise intersections ≈ 0 km²', () => {
    const [a, b, c] = zones.features as unknown as [Feature<Area>, Feature<Area>, Feature<Area>];
    for (const [x, y] of [
      [a, b],
      [a, c],
      [b, c],
    ] as const) {
      const overlap = intersect(featureCollection<Area>([x, y]));
      expect(overlap ? km2(overlap as Feature<Area>) : 0).toBeLessThan(0.01);
    }
  });

  it('throws on a zone naming an unknown town', () => {
    expect(() => zoneAreas(towns, { z: { name: 'x', towns: ['无此镇'] } })).toThrow(/无此镇/);
  });
});
