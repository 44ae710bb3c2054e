import type { MapGeoJSONFeature } from 'maplibre-gl';
import { app } from '../appState.svelte';
import { layerNotice } from '../revealLayer.svelte';
import { stackUi } from './stackState.svelte';

/**
 * Open what a map click (or Enter at the map's centre) hit: a stack of places on one
 * position lists them; a single place opens its card; nothing closes both.
 */
export function openAt(hit: MapGeoJSONFeature | undefined): void {
  const id = (hit?.properties?.id as string | undefined) ?? null;
  layerNotice.layer = null;
  if (hit?.properties?.role === 'stack') {
    app.selectedFeature = null;
    stackUi.open = id;
    return;
  }
  stackUi.open = null;
  app.selectedFeature = id;
}
