import { focusFeatures } from '../map/focus';
import { app } from './appState.svelte';
import { revealLayer } from './revealLayer.svelte';
import { stackUi } from './stack/stackState.svelte';

/**
 * Select a plan feature by id (from a list, a section's places or an analysis row): its layer
 * is shown if hidden (and the notice says so), an open stack list closes, and the map frames it. An unknown id changes nothing.
 */
export function selectFeature(id: string): void {
  const feature = app.featureById.get(id);
  if (!feature) return;
  app.selectedFeature = id;
  stackUi.open = null;
  revealLayer(feature.properties.layer);
  if (app.map) focusFeatures(app.map, [feature]);
}
