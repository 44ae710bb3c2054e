import type { OverlaySummary } from '../../import/summary';
import type { Crs, OverlayCollection } from '../../import/types';
import { overlayColour } from '../../map/overlayLayers';

/** One imported dataset on the map. Kept in memory for the session only. */
export interface Overlay {
  /** `ov1`, `ov2`, …: never taken from the file. */
  id: string;
  /** File name, or "pasted text". Untrusted: render as text. */
  name: string;
  crs: Crs;
  collection: OverlayCollection;
  summary: OverlaySummary;
  warnings: string[];
  colour: string;
  visible: boolean;
}

/** What the import dialog hands over. */
export type NewOverlay = Omit<Overlay, 'id' | 'colour' | 'visible'>;

/**
 * Imported overlays and the UI around them. `list` is raw state (replaced, never mutated):
 * an overlay can hold 200 000 features, which must not become deep proxies.
 */
class OverlayState {
  list = $state.raw<Overlay[]>([]);
  /** The import dialog is open. */
  dialogOpen = $state(false);
  /** A file dropped anywhere on the page, handed to the dialog when it opens. */
  droppedFile = $state.raw<File | null>(null);
  /** The overlay feature whose properties card is open. */
  card = $state<{ id: string; index: number } | null>(null);
  /** The last removed overlay and where it was, so a removal can be undone. */
  removed = $state.raw<{ overlay: Overlay; at: number } | null>(null);
  /** Overlays added this session (colours keep cycling after removals). */
  added = 0;
}

export const overlays = new OverlayState();

export function addOverlay(next: NewOverlay): Overlay {
  overlays.added += 1;
  const overlay: Overlay = {
    ...next,
    id: `ov${overlays.added}`,
    colour: overlayColour(overlays.added - 1),
    visible: true,
  };
  overlays.list = [...overlays.list, overlay];
  return overlay;
}

export function removeOverlay(id: string): void {
  const at = overlays.list.findIndex((o) => o.id === id);
  if (at < 0) return;
  overlays.removed = { overlay: overlays.list[at]!, at };
  overlays.list = overlays.list.filter((o) => o.id !== id);
  if (overlays.card?.id === id) overlays.card = null;
}

/** Put the last removed overlay back where it was. */
export function undoRemove(): void {
  const last = overlays.removed;
  if (!last) return;
  const list = [...overlays.list];
  list.splice(Math.min(last.at, list.length), 0, last.overlay);
  overlays.list = list;
  overlays.removed = null;
}

export function setVisible(id: string, visible: boolean): void {
  overlays.list = overlays.list.map((o) => (o.id === id ? { ...o, visible } : o));
}
