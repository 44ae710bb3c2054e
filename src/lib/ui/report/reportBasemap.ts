import type { FeatureCollection, Geometry } from 'geojson';
import { BASEMAP_FILES } from '../../data/catalogue';
import { dataUrl } from '../dataUrl';

/**
 * The base map under the report's map: the app's own published files (`data/`, cached
 * by the service worker for offline use), read once per page. Land is GSHHG's plus the
 * county outlines, as on the main map: GSHHG predates the reclaimed land at 头门港.
 */
export interface ReportBasemap {
  boundary: Geometry[];
  land: Geometry[];
  counties: Geometry[];
}

let loading: Promise<ReportBasemap> | undefined;

async function geometries(file: string): Promise<Geometry[]> {
  const response = await fetch(dataUrl(file));
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  const collection = (await response.json()) as FeatureCollection;
  return collection.features.flatMap((f) => (f.geometry ? [f.geometry] : []));
}

/** The three files (a failed load is tried again next time). */
export function loadReportBasemap(): Promise<ReportBasemap> {
  loading ??= Promise.all([
    geometries(BASEMAP_FILES.boundary.output),
    geometries(BASEMAP_FILES.land.output),
    geometries(BASEMAP_FILES.counties.output),
  ])
    .then(([boundary, land, counties]) => ({ boundary, land, counties }))
    .catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
  return loading;
}
