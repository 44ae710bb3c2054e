import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planFactTexts } from '../i18n/planFactsText';
import { LAYERS, type Layer } from './layers';
import { fileSizesOutput, projectTableOutputs, type FileSizes } from './projectFiles';

const featuresText = readFileSync(
  join(import.meta.dirname, 'fixtures/project-features.geojson'),
  'utf8',
);
const names = Object.fromEntries(LAYERS.map((l) => [l, l])) as Record<Layer, string>;

describe('projectTableOutputs', () => {
  it('derives projects.csv and projects.geojson from features.geojson', () => {
    const out = projectTableOutputs(
      [{ fileName: 'features.geojson', text: featuresText }],
      names,
      planFactTexts,
    );
    expect(out.map((o) => o.fileName)).toEqual(['projects.csv', 'projects.geojson']);
    expect(out[0]!.text.split('\r\n').filter(Boolean)).toHaveLength(4); // header + 3 features
    expect(JSON.parse(out[1]!.text).features).toHaveLength(3);
  });

  it('publishes no table when there are no plan features', () => {
    expect(
      projectTableOutputs([{ fileName: 'plan.json', text: '{}' }], names, planFactTexts),
    ).toEqual([]);
  });
});

describe('fileSizesOutput', () => {
  it('counts UTF-8 bytes, not characters (a BOM is 3, a Chinese character 3)', () => {
    const out = fileSizesOutput([
      { fileName: 'a.csv', text: '\uFEFFid' },
      { fileName: 'b.json', text: '"临海"' },
    ]);
    expect(out.fileName).toBe('files.json');
    expect((JSON.parse(out.text) as FileSizes).files).toEqual([
      { name: 'a.csv', bytes: 5 },
      { name: 'b.json', bytes: 8 },
    ]);
  });
});
