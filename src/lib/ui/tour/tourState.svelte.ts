import type { Layer } from '../../data/features';

/**
 * Whether the guided tour runs, and at which step. Kept apart from the tour's
 * code so the permalink (first-load bundle) can read and write it while the
 * overlay itself is loaded only when a tour starts.
 */
class TourState {
  /** 1-based step shown, or null when no tour runs. */
  step = $state<number | null>(null);
  /** The layers the user had before the tour: restored when it ends. */
  savedLayers = $state.raw<Layer[] | null>(null);
}

export const tour = new TourState();
