import { app } from '../appState.svelte';
import { nameOf } from '../tr.svelte';

/** A zone's name in the current language: the loaded zone feature's, else the metrics' own. */
export function zoneName(id: string, name: string): string {
  const zone = app.featureById.get(id);
  return zone ? nameOf(zone.properties) : name;
}
