import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COUNTY_NAMES_EN, SEAT_NAMES_EN } from './placeNamesEn';

const read = (file: string) =>
  JSON.parse(readFileSync(new URL(`../../../geodata/${file}`, import.meta.url), 'utf8')) as {
    features: { properties: Record<string, string> }[];
  };
const CJK = /[\u3000-\u9fff\uff00-\uffef]/;

describe('English place names for the base map', () => {
  it('names every township seat in the seats file, in Latin letters', () => {
    for (const { properties } of read('linhai-township-seats.geojson').features) {
      const name = SEAT_NAMES_EN[properties.code!];
      expect(name, properties.name).toBeTruthy();
      expect(name).not.toMatch(CJK);
    }
  });

  it('names every neighbouring county by the name its label shows', () => {
    for (const { properties } of read('taizhou-counties.geojson').features) {
      const shown = properties.name_current ?? properties.name!;
      expect(COUNTY_NAMES_EN[shown], shown).toMatch(/^[A-Z][a-z]+$/);
    }
  });
});
