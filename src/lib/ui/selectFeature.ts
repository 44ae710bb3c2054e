import { focusFeatures } from '../map/focus';
import { app } from './appState.svelte';

/**
 * Select a plan feature by id (from a list, a section's places or an analysis row): its layer
 * is shown if hidden, and the map frames it. An unknown id changes nothing.
 */
export function selectFeature(id: string): void {
  const feature = app.featureById.get(id);
  if (!feature) return;
  app.selectedFeature = id;
  if (!app.visibleLayers.includes(feature.properties.layer)) {
    app.visibleLayers = [...app.visibleLayers, feature.properties.layer];
  }
  if (app.map) focusFeatures(app.map, [feature]);
}
