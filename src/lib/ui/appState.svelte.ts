import type { Map as MaplibreMap } from 'maplibre-gl';
import type { PlanFeatureCollection } from '../data/features';

/** Which side panel is open. */
export type PanelId = 'layers' | 'reader' | 'analysis' | 'comments' | 'data';

/**
 * The one place shared UI state lives. Components read and write it; the map
 * reacts to it. Kept flat so the permalink can serialise it.
 */
export class AppState {
  /** The MapLibre map, once created. */
  map = $state.raw<MaplibreMap | undefined>(undefined);
  /** True after the style and the base data have loaded. */
  mapReady = $state(false);
  /** Every plan feature (dist/data/features.geojson), once loaded. */
  features = $state.raw<PlanFeatureCollection | undefined>(undefined);
  panel = $state<PanelId>('layers');
  panelOpen = $state(true);
  /** Open plan section id ("5.1", "box5"), or null. */
  openSection = $state<string | null>(null);
  /** Text to highlight in the open section (e.g. a feature's name). */
  highlightText = $state<string | null>(null);
  /** Selected feature id, or null. */
  selectedFeature = $state<string | null>(null);
  /** Visible layer ids. */
  visibleLayers = $state<string[]>([]);
  lang = $state<'zh' | 'en'>('zh');
}

export const app = new AppState();
