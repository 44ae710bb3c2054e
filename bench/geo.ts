import { computeAllMetrics } from '../src/lib/geo/metrics';
import { realBoundary, realPlanFeatures, realZones } from '../src/lib/geo/test/real';
import { stats } from './stats';

/**
 * The full geo metrics over the real data, as scripts/bench-geo.ts runs them: the city
 * boundary, every plan feature with its derived zone geometry and the three zones.
 */
export function geoMetricsBench(runs = 30, warmup = 5) {
  const boundary = realBoundary();
  const features = realPlanFeatures();
  const zones = realZones(features);
  for (let i = 0; i < warmup; i++) computeAllMetrics(features, zones, boundary);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    computeAllMetrics(features, zones, boundary);
    times.push(performance.now() - t0);
  }
  return { features: features.length, zones: zones.length, stats: stats(times) };
}
