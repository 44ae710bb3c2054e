import type { PlanFeatureCollection } from '../data/features';
import type { Layer } from '../data/layers';

type PlanFeature = PlanFeatureCollection['features'][number];

/**
 * Places the plan names that the map puts on exactly one position: several projects of 头门港
 * share one estimated anchor, because the plan gives no finer location. They are not spread
 * out (that would pretend a survey); the map draws one symbol with their count instead.
 */
export interface PlaceStack {
  /** Stable id of the stack, from its position: `stack-121.65-28.78`. */
  id: string;
  coordinates: [number, number];
  /** Feature ids, in the data's order (the plan's order). */
  ids: string[];
}

/**
 * Group point features that share exactly one position (two or more per group).
 *
 * Pass the features actually shown (see `isShown` in planData), so a stack's count follows the layer
 * toggles and filters. Exact equality on purpose: two estimates 1 km apart are different
 * statements and stay two symbols.
 *
 * @param features - plan features, in the data's order
 * @returns the stacks, in the order their first member appears
 * @example
 * findStacks([a, b]) // a and b at [121.65, 28.78] → [{ id: 'stack-121.65-28.78', ids: ['a', 'b'], … }]
 */
export function findStacks(features: readonly PlanFeature[]): PlaceStack[] {
  const byPosition = new Map<string, PlaceStack>();
  for (const f of features) {
    if (f.geometry.type !== 'Point') continue;
    const [lon, lat] = f.geometry.coordinates as [number, number];
    const id = `stack-${lon}-${lat}`;
    const stack = byPosition.get(id) ?? { id, coordinates: [lon, lat], ids: [] };
    stack.ids.push(f.properties.id);
    byPosition.set(id, stack);
  }
  return [...byPosition.values()].filter((s) => s.ids.length > 1);
}

/** The map property holding how many places of `layer` a stack holds (`stack_n_port`). */
export function stackCountKey(layer: Layer): string {
  return `stack_n_${layer}`;
}

/** Each stacked feature's id → its stack. */
export function stackByFeature(stacks: readonly PlaceStack[]): Map<string, PlaceStack> {
  return new Map(stacks.flatMap((s) => s.ids.map((id) => [id, s] as const)));
}
