import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BASEMAP_SOURCES } from './basemapLayers';

describe('base-map preloads', () => {
  it('index.html preloads every base-map file, so it travels alongside the plan data', () => {
    const html = readFileSync(new URL('../../../index.html', import.meta.url), 'utf8');
    const preloaded = [...html.matchAll(/<link rel="preload" href="\.\/data\/([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(preloaded.filter((file) => file !== 'features.geojson').sort()).toEqual(
      Object.values(BASEMAP_SOURCES).sort(),
    );
  });
});
