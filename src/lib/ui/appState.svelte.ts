import type { Map as MaplibreMap } from 'maplibre-gl';
import type { Layer } from '../data/layers';
import { DEFAULT_LAYERS } from '../map/defaultLayers';

export { DEFAULT_LAYERS };
import { noFilters, type FeatureFilters } from '../map/planData';
import type { PlanDocument } from '../data/plan';
import type { PlanFeature, PlanFeatureCollection } from '../data/features';
import { placesIn } from '../plan/places';
import type { Lang } from '../i18n';

/** Features by id; read-only, so a new collection means a new index. */
function indexById(features: PlanFeatureCollection | undefined): ReadonlyMap<string, PlanFeature> {
  return new Map((features?.features ?? []).map((f) => [f.properties.id, f]));
}

/** Which side panel is open. */
export type PanelId = 'layers' | 'reader' | 'analysis' | 'comments' | 'data';
/** Every side-panel id (the permalink checks a `tab=` against it). */
export const PANELS: readonly PanelId[] = ['layers', 'reader', 'analysis', 'comments', 'data'];

/**
 * The one place shared UI state lives. Components read and write it; the map
 * reacts to it. Kept flat so the permalink can serialise it.
 */
export class AppState {
  /** The MapLibre map, once created. */
  map = $state.raw<MaplibreMap | undefined>(undefined);
  /** True after the style has loaded. */
  mapReady = $state(false);
  /** Every plan feature (`data/features.geojson`), once loaded. */
  features = $state.raw<PlanFeatureCollection | undefined>(undefined);
  /** The plan's document model (`data/plan.json`), once loaded. */
  plan = $state.raw<PlanDocument | undefined>(undefined);
  /** A data file that failed to load, in words. */
  loadError = $state<string | null>(null);
  panel = $state<PanelId>('layers');
  panelOpen = $state(true);
  /** Open plan section id ("5.1", "box5"), or null for the table of contents. */
  openSection = $state<string | null>(null);
  /** Text to highlight in the open section (e.g. a feature's name). */
  highlightText = $state<string | null>(null);
  /** Selected feature id, or null. */
  selectedFeature = $state<string | null>(null);
  /** Visible plan layers. */
  visibleLayers = $state<Layer[]>([...DEFAULT_LAYERS]);
  filters = $state<FeatureFilters>(noFilters());
  lang = $state<Lang>('zh');
  /** A short message for screen readers (announced by the aria-live region). */
  announcement = $state('');

  /** Every plan feature by id: the one lookup, rebuilt only when the features change. */
  readonly featureById = $derived(indexById(this.features));
  /** The selected feature, once its id is known among the features. */
  readonly selected = $derived(
    this.selectedFeature ? this.featureById.get(this.selectedFeature) : undefined,
  );
  /** Places named by the open section: lit on the map while the reader shows it. */
  readonly sectionPlaces = $derived(
    this.plan && this.features && this.openSection && this.panel === 'reader' && this.panelOpen
      ? placesIn(this.plan, this.features.features, this.openSection)
      : [],
  );
}

export const app = new AppState();
