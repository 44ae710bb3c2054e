import { LAYERS, type Layer } from '../data/layers';

/**
 * Layers shown when the app opens: the plan's spatial skeleton (一带三区, platforms,
 * logistics, port, rail, expressways). The rest is one click away; all at once is a blur.
 * Plain TypeScript so the benchmark's baseline page shows exactly the same layers.
 */
export const DEFAULT_LAYERS: readonly Layer[] = LAYERS.filter((l) =>
  ['zones', 'belt', 'platforms', 'logistics', 'port', 'rail', 'expressways'].includes(l),
);
