import { focusFeatures } from '../map/focus';
import { placesIn } from '../plan/places';
import { app } from './appState.svelte';

/**
 * Open the reader at a plan section (null: the table of contents), marking
 * `highlight` in it. With `moveMap` the camera frames the section's places; the
 * tour passes false so its own camera stays.
 */
export function showSection(
  id: string | null,
  highlight: string | null,
  { moveMap = true }: { moveMap?: boolean } = {},
): void {
  app.openSection = id;
  app.highlightText = highlight;
  app.panel = 'reader';
  app.panelOpen = true;
  if (moveMap && id && app.plan && app.features && app.map) {
    const places = placesIn(app.plan, app.features.features, id);
    if (places.length) focusFeatures(app.map, places, 11);
  }
}
