import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { ZONE_IDS, type PlanFeatureCollection } from '../../data/features';
import { computeAllMetrics, metricsToCsv, type AllMetrics } from '../../geo/metrics';
import type { PlanLikeFeature } from '../../geo/input';
import type { ZoneFeature } from '../../geo/zones';
import { dataUrl } from '../dataUrl';

let boundary: Promise<FeatureCollection<Polygon | MultiPolygon>> | undefined;

/** The published city outline (fetched once; a failed fetch is retried next time). */
function loadBoundary(): Promise<FeatureCollection<Polygon | MultiPolygon>> {
  boundary ??= fetch(dataUrl('boundary.geojson'))
    .then((r) => {
      if (!r.ok) throw new Error(`boundary.geojson: HTTP ${r.status}`);
      return r.json() as Promise<FeatureCollection<Polygon | MultiPolygon>>;
    })
    .catch((error: unknown) => {
      boundary = undefined;
      throw error;
    });
  return boundary;
}

const cache = new WeakMap<PlanFeatureCollection, AllMetrics>();

/**
 * Every metric of the panel for the loaded plan features (computed once per data set). The
 * zones are the build's derived 一带三区 polygons, in the plan's east → west order.
 */
export async function metricsFor(features: PlanFeatureCollection): Promise<AllMetrics> {
  const cached = cache.get(features);
  if (cached) return cached;
  const outline = await loadBoundary();
  // Yield to the event loop so the panel shows its "computing" state before the Turf work.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const list = features.features as unknown as PlanLikeFeature[];
  const metrics = computeAllMetrics(list, zonesOf(features), outline);
  cache.set(features, metrics);
  return metrics;
}

/** The 一带三区 zone polygons of the plan features, in the plan's east → west order. */
export function zonesOf(features: PlanFeatureCollection): ZoneFeature[] {
  const list = features.features as unknown as PlanLikeFeature[];
  return ZONE_IDS.flatMap((id) => list.filter((f) => f.properties.id === id)) as ZoneFeature[];
}

/** The metrics CSV as a download: UTF-8 with a BOM so spreadsheet programs read the Chinese. */
export function downloadCsv(metrics: AllMetrics, filename = 'linhai-metrics.csv'): void {
  const blob = new Blob(['\uFEFF', metricsToCsv(metrics)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
