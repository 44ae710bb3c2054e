import type { FeatureCollection, Point } from 'geojson';
import type { CountyCollection } from './basemap';
import type { DataOutput } from './datasets';

/**
 * Label points for the neighbouring counties, from each county's `label_point`,
 * with the current name where the source predates a rename (玉环县 → 玉环市).
 * 临海 itself is left out: the map labels its towns instead.
 */
export function countyLabels(counties: CountyCollection): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: counties.features
      .filter((f) => f.properties.adcode !== '331082' && f.properties.label_point)
      .map((f) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: f.properties.label_point! },
        properties: { name: f.properties.name_current ?? f.properties.name },
      })),
  };
}

/** The build step that publishes `county-labels.geojson`. */
export function countyLabelsStep(inputs: Map<string, unknown>): DataOutput[] {
  const counties = inputs.get('taizhou-counties.geojson') as CountyCollection;
  return [{ fileName: 'county-labels.geojson', text: JSON.stringify(countyLabels(counties)) }];
}
