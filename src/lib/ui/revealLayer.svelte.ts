import type { Layer } from '../data/layers';
import { layerKey } from '../i18n';
import { app } from './appState.svelte';
import { tr } from './tr.svelte';

/** The layer last turned on to show a chosen place (for the notice), or null. */
class LayerNotice {
  layer = $state<Layer | null>(null);
  /** The notice in words, in the UI language ("已打开图层：文化与旅游"), or ''. */
  get text(): string {
    return this.layer ? tr('layers.turnedOn', { layer: tr(layerKey(this.layer)) }) : '';
  }
}
export const layerNotice = new LayerNotice();

/**
 * A place was chosen from a list or search: make sure the map shows it. Search finds
 * places on hidden layers too, so choosing one turns its layer on, and says so.
 */
export function revealLayer(layer: Layer): void {
  if (app.visibleLayers.includes(layer)) {
    layerNotice.layer = null;
    return;
  }
  app.visibleLayers = [...app.visibleLayers, layer];
  layerNotice.layer = layer;
}
