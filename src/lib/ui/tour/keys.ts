/** What a key does in the tour. */
export type TourKeyAction = 'next' | 'previous' | 'first' | 'last' | 'exit';

const KEYS: Record<string, TourKeyAction> = {
  ArrowRight: 'next',
  PageDown: 'next',
  ArrowLeft: 'previous',
  PageUp: 'previous',
  Home: 'first',
  End: 'last',
  Escape: 'exit',
};

/** The part of an element the rule looks at (a DOM Element satisfies it). */
interface Closest {
  closest(selector: string): unknown;
}

/** The part of a key event the rule looks at. */
export interface TourKeyEvent {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  target: EventTarget | Closest | null;
}

/** Where keys keep their own meaning: typing, the side panel (tabs, reader), another dialog. */
const OWN_KEYS = 'input, textarea, select, [contenteditable], #side-panel, [role="tablist"]';

/**
 * The tour action for a key press, or null to leave the key alone.
 * Presenter clickers send PageUp/PageDown; ←/→ step too, and win over the map's panning
 * (the caller listens in the capture phase). Keys typed into a field, used in the side
 * panel or inside another dialog (the feature card closes itself on Esc) are not taken.
 */
export function tourKeyAction(e: TourKeyEvent, tourDialog?: unknown): TourKeyAction | null {
  const action = KEYS[e.key];
  if (!action || e.ctrlKey || e.altKey || e.metaKey) return null;
  const target = e.target as Partial<Closest> | null;
  if (typeof target?.closest !== 'function') return action;
  if (target.closest(OWN_KEYS)) return null;
  const dialog = target.closest('[role="dialog"]');
  if (dialog && dialog !== tourDialog) return null;
  return action;
}
