import { isShown } from '../../map/planData';
import { findStacks, stackByFeature, type PlaceStack } from '../../map/stacks';
import { app } from '../appState.svelte';

/** Which stack of places on one position is listed (its id), or null. */
class StackState {
  open = $state<string | null>(null);
}
export const stackUi = new StackState();

/**
 * The stacks among the features shown now (layers and filters): what the map draws.
 * Reactive when read in a component's `$derived`.
 */
export function currentStacks(): PlaceStack[] {
  const features = app.features?.features ?? [];
  return findStacks(features.filter((f) => isShown(f, app.visibleLayers, app.filters)));
}

/** The shown stack a feature belongs to, if any. */
export function stackOfFeature(id: string): PlaceStack | undefined {
  return stackByFeature(currentStacks()).get(id);
}
