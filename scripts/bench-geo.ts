/**
 * Benchmark of the geo module (issue 5): `computeAllMetrics` over the full dataset — the real
 * city boundary (MultiPolygon, 20 parts, 3,561 vertices), the plan features with their derived
 * zone geometries, and the three zones of 一带三区. Not part of `npm test`; no timed assertions.
 *
 * Run: npx tsx scripts/bench-geo.ts   (RUNS=… and WARMUP=… override the defaults)
 */
import os from 'node:os';
import { computeAllMetrics } from '../src/lib/geo/metrics';
import { realBoundary, realPlanFeatures, realZones } from '../src/lib/geo/test/real';

const RUNS = Number(process.env.RUNS ?? 30);
const WARMUP = Number(process.env.WARMUP ?? 5);
const GOAL_MS = 30;

const boundary = realBoundary();
const features = realPlanFeatures();
const zones = realZones(features);
if (features.length === 0) console.warn('geodata/plan-features.geojson not found: boundary only');

for (let i = 0; i < WARMUP; i++) computeAllMetrics(features, zones, boundary);
const times: number[] = [];
let checksum = 0;
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  const m = computeAllMetrics(features, zones, boundary);
  times.push(performance.now() - t0);
  checksum += m.city.areaKm2;
}
times.sort((a, b) => a - b);
const median = RUNS % 2 ? times[(RUNS - 1) / 2]! : (times[RUNS / 2 - 1]! + times[RUNS / 2]!) / 2;
const cpus = os.cpus();
const ms = (n: number) => `${n.toFixed(2)} ms`;

console.log(`computeAllMetrics: ${features.length} features, ${zones.length} zones`);
console.log(`node ${process.version} · ${os.platform()} ${os.arch()}`);
console.log(`cpu: ${cpus[0]?.model ?? 'unknown'} × ${cpus.length} cores`);
console.log(`runs: ${RUNS} after ${WARMUP} warm-up`);
console.log(`median ${ms(median)} · min ${ms(times[0]!)} · max ${ms(times.at(-1)!)}`);
console.log(
  `goal < ${GOAL_MS} ms: ${median < GOAL_MS ? 'met' : 'NOT met'} (checksum ${checksum.toFixed(1)})`,
);
