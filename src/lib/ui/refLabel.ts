import { sectionRefLabel } from '../plan/refLabel';
import { app } from './appState.svelte';
import { stringsLang } from './tr.svelte';

/** A section ref ("box5", "5.1") as the plan names it, in the current UI language. */
export function refLabel(id: string): string {
  return sectionRefLabel(id, app.plan, stringsLang());
}
