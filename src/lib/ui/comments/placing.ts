import { app } from '../appState.svelte';
import { interaction } from '../interaction.svelte';
import { tr } from '../tr.svelte';
import { comments } from './commentsModel.svelte';
import { sessionModel } from '../session/sessionModel.svelte';

/**
 * Placing a comment pin: the next map click, or Enter for the map centre (so a
 * keyboard user pans with the arrow keys, then presses Enter).
 */

/** The key that starts placing a pin when focus is not in a text field. */
export const ADD_COMMENT_KEY = 'c';

export function startPlacing(): void {
  // A closed consultation is read-only: say so instead of placing a pin.
  if (sessionModel.closed) {
    sessionModel.closedAttempt++;
    app.announcement = tr('session.closedAdd');
    return;
  }
  interaction.mode = 'comment';
  comments.openId = null;
  app.selectedFeature = null;
  app.announcement = `${tr('comments.placePin')}。${tr('comments.placeKeys')}`;
  // Arrow keys then pan the map, and Enter places the pin at the cross.
  document.querySelector<HTMLElement>('.maplibregl-canvas')?.focus();
}

export function placeAt(lon: number, lat: number): void {
  comments.draft = { lon, lat };
  // Leave the mode after every click handler of this event has run (none may open a card).
  queueMicrotask(() => (interaction.mode = 'browse'));
  app.panel = 'comments';
  app.panelOpen = true;
  comments.formRequest++;
  app.announcement = tr('comments.placed');
}

/** Start a comment about a plan feature: the pin on the feature, the feature linked. */
export function commentOn(featureId: string, [lon, lat]: number[]): void {
  // The form links the selected feature when it opens.
  app.selectedFeature = featureId;
  placeAt(lon!, lat!);
}

export function placeAtCentre(): void {
  const centre = app.map?.getCenter();
  if (centre) placeAt(centre.lng, centre.lat);
}

export function cancelPlacing(): void {
  interaction.mode = 'browse';
}

/** Open a comment in the panel. */
export function openComment(id: string): void {
  comments.openId = id;
  app.panel = 'comments';
  app.panelOpen = true;
}

/** True when a key press belongs to a text field or another control's own keys. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}
