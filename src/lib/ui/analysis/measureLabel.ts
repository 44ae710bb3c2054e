import { centerOfMass } from '@turf/turf';
import type { Feature, Point, Position } from 'geojson';
import { enMapStrings, interpolate, t, type Lang } from '../../i18n';
import { formatNumber, measureDigits } from './format';

/** What a measurement's label on the map carries: the readout in both languages. */
export interface MeasureLabelProperties {
  role: 'label';
  label_zh: string;
  label_en: string;
  /** Where the text sits relative to the point (MapLibre `text-anchor`). */
  anchor: 'left' | 'center';
}

const readout = (kind: 'line' | 'area', value: number, lang: Lang) => {
  const key = kind === 'line' ? 'unit.km' : 'unit.km2';
  const params = { n: formatNumber(value, measureDigits(value), lang) };
  // The label carries both languages before English may have loaded: its words come with the first load.
  return lang === 'en' ? interpolate(enMapStrings[key], params) : t(key, lang, params);
};

/**
 * The measurement's label on the map: a line's length just past its last point (where the
 * eye is while drawing), a polygon's area at its centre of mass. Null until there is a
 * result (2 points for a line, 3 for an area), so no "0 km" floats on the map.
 * @param kind line or area
 * @param vertices the points clicked so far
 * @param value the length in km or the area in km²
 * @example measureLabel('line', [[121, 28.8], [121.1, 28.8]], 9.75)?.properties.label_en // '9.8 km'
 */
export function measureLabel(
  kind: 'line' | 'area',
  vertices: readonly Position[],
  value: number,
): Feature<Point, MeasureLabelProperties> | null {
  if (vertices.length < (kind === 'line' ? 2 : 3)) return null;
  const at =
    kind === 'line'
      ? vertices.at(-1)!
      : centerOfMass({
          type: 'Polygon',
          coordinates: [[...vertices, vertices[0]!] as Position[]],
        }).geometry.coordinates;
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [at[0]!, at[1]!] },
    properties: {
      role: 'label',
      label_zh: readout(kind, value, 'zh'),
      label_en: readout(kind, value, 'en'),
      anchor: kind === 'line' ? 'left' : 'center',
    },
  };
}
