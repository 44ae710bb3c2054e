import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASEMAP_DATASETS, buildDatasets } from './datasets';
import { DataError } from './validate';

const geodata = join(import.meta.dirname, '../../../geodata');
const read = (source: string) => readFileSync(join(geodata, source), 'utf8');

/** A copy of a shipped file with one change applied. */
function brokenCopy(source: string, breakIt: (json: { features: Record<string, any>[] }) => void) {
  const json = JSON.parse(read(source));
  breakIt(json);
  return (name: string) => (name === source ? JSON.stringify(json) : read(name));
}

describe('shipped geodata', () => {
  it('every file passes its schema and is published under data/', () => {
    const outputs = buildDatasets(read);
    expect(outputs.map((o) => o.fileName)).toEqual(BASEMAP_DATASETS.map((d) => d.output));
    const seats = JSON.parse(outputs.find((o) => o.fileName === 'seats.geojson')!.text);
    expect(seats.features).toHaveLength(19);
    const estimated = seats.features.filter((f: any) => f.properties.confidence === 'estimated');
    expect(estimated.map((f: any) => f.properties.name).sort()).toEqual(
      ['上盘镇', '桃渚镇', '邵家渡街道'].sort(),
    );
  });

  it.each([
    [
      'linhai-township-seats.geojson',
      (j: any) => (j.features[2].properties.kind = '乡'),
      /geodata\/linhai-township-seats\.geojson: features\[2\] «江南街道» properties\.kind: /,
    ],
    [
      'linhai-township-seats.geojson',
      (j: any) => delete j.features[5].properties.location_quality,
      /features\[5\] «汛桥镇» properties\.location_quality: /,
    ],
    [
      'gazetteer.geojson',
      (j: any) => (j.features[0].geometry.coordinates = [321.2, 28.7]),
      /geodata\/gazetteer\.geojson: features\[0\] «临海东站（沿江站）» geometry\.coordinates.*longitude above 180/,
    ],
    [
      'linhai-boundary.geojson',
      (j: any) => j.features[0].geometry.coordinates[0][0].pop(),
      /geodata\/linhai-boundary\.geojson: features\[0\] «临海市» geometry\.coordinates\[0\]\[0\]: ring is not closed/,
    ],
    [
      'taizhou-counties.geojson',
      (j: any) => (j.features[1].properties.adcode = 'X'),
      /features\[1\] «路桥区» properties\.adcode: adcode must be 6 digits/,
    ],
  ])(
    'a broken %s is rejected with a message naming file, feature and reason',
    (source, breakIt, expected) => {
      const read = brokenCopy(source, breakIt);
      expect(() => buildDatasets(read)).toThrow(DataError);
      expect(() => buildDatasets(read)).toThrow(expected);
    },
  );

  it('truncated JSON names the file', () => {
    const read2 = (name: string) =>
      name === 'coastline-gshhg.geojson' ? '{"type":"Feat' : read(name);
    expect(() => buildDatasets(read2)).toThrow(/geodata\/coastline-gshhg\.geojson: not valid JSON/);
  });
});
