import { reportPath } from '../consultation/reportPath';
import { LAYERS, STATUSES, type Layer } from '../data/layers';
import { allSectionIds } from '../plan/text';
import { parseHash, serialiseHash, type HashState } from '../permalink/hash';
import { app, DEFAULT_LAYERS, PANELS, type PanelId } from './appState.svelte';
import { presenter, setPresenter } from './presenter.svelte';
import { tour } from './tour/tourState.svelte';
import { sessionModel } from './session/sessionModel.svelte';
import { layerNotice, revealLayer } from './revealLayer.svelte';

/** The part of the app state the URL carries (the map view is added by the caller). */
function stateFromApp(): HashState {
  const state: HashState = {};
  const map = app.map;
  if (map) {
    const c = map.getCenter();
    state.map = { zoom: map.getZoom(), lat: c.lat, lon: c.lng };
  }
  const isDefault =
    app.visibleLayers.length === DEFAULT_LAYERS.length &&
    DEFAULT_LAYERS.every((l) => app.visibleLayers.includes(l));
  if (!isDefault) state.layers = [...app.visibleLayers];
  if (app.selectedFeature) state.feature = app.selectedFeature;
  const { statuses, horizon, zone } = app.filters;
  if (statuses.length) state.status = [...statuses];
  if (horizon !== null) state.year = String(horizon);
  if (zone !== null) state.zone = zone;
  if (app.openSection && app.panel === 'reader') state.section = app.openSection;
  // The reader is implied by a section; the default tab is left out.
  else if (app.panel !== DEFAULT_PANEL) state.tab = app.panel;
  if (tour.step !== null) state.tour = tour.step;
  if (app.lang !== 'zh') state.lang = app.lang;
  if (presenter.on) state.present = true;
  if (sessionModel.sid) state.session = sessionModel.sid;
  if (sessionModel.screen) state.screen = sessionModel.screen;
  if (sessionModel.host) state.host = true;
  if (sessionModel.report) state.report = sessionModel.report;
  return state;
}

const DEFAULT_PANEL: PanelId = 'layers';
/** Target years the filter offers, as written in the hash. */
const YEARS = { '2025': 2025, '2035': 2035, unspecified: 'unspecified' } as const;

/**
 * Read the hash and apply what is valid; garbage falls back to the defaults.
 * @param first the hash read once the data has arrived: a tab the user opened meanwhile is
 *   kept unless the link names one
 */
export function applyHash(hash: string, { first = false } = {}): HashState {
  const features = app.features?.features ?? [];
  const known = {
    layers: LAYERS,
    features: app.featureById,
    sections: new Set(app.plan ? allSectionIds(app.plan) : []),
    statuses: [...STATUSES],
    years: Object.keys(YEARS),
    zones: new Set(features.map((f) => f.properties.id).filter((id) => id.startsWith('zone-'))),
    tabs: PANELS,
  };
  const state = parseHash(hash, known);
  app.visibleLayers = state.layers
    ? LAYERS.filter((l) => state.layers!.includes(l))
    : [...DEFAULT_LAYERS];
  app.filters = {
    statuses: STATUSES.filter((s) => state.status?.includes(s)),
    horizon: state.year ? YEARS[state.year as keyof typeof YEARS] : null,
    zone: state.zone ?? null,
  };
  app.selectedFeature = state.feature ?? null;
  // A link names a place to show it: its card over an empty spot would mislead, so its
  // layer is turned on (and the announcement says so), as when it is chosen from a list.
  const linked = state.feature ? app.featureById.get(state.feature) : undefined;
  if (linked) revealLayer(linked.properties.layer);
  else layerNotice.layer = null;
  if (state.section) {
    app.openSection = state.section;
    app.panel = 'reader';
    app.panelOpen = true;
  } else {
    if (app.panel === 'reader') app.openSection = null;
    if (state.tab || !first) app.panel = (state.tab as PanelId | undefined) ?? DEFAULT_PANEL;
    if (state.tab) app.panelOpen = true;
  }
  app.lang = state.lang ?? 'zh';
  setPresenter(state.present ?? false);
  // The overlay checks the step against the tour's length when it loads (the steps are not in
  // the first-load bundle); a step it does not know ends the tour.
  tour.step = state.tour ?? null;
  sessionModel.sid = state.session ?? null;
  sessionModel.screen = state.session ? (state.screen ?? null) : null;
  sessionModel.host = state.host ?? false;
  sessionModel.report = state.report ?? null;
  if (state.map && app.map) {
    app.map.jumpTo({ center: [state.map.lon, state.map.lat], zoom: state.map.zoom });
  }
  return state;
}

/**
 * A page loaded at a report link (`#report=<sid>`): the report and its language, at once. The
 * rest of the link waits, like the map and the panels the report covers (App.svelte), until the
 * reader leaves the report; then `applyHash` reads what the address says by then.
 * @returns whether the page opened at a report
 */
export function applyReportLink(hash: string): boolean {
  const state = parseHash(hash, { layers: LAYERS as readonly Layer[] });
  if (!state.report) return false;
  sessionModel.report = state.report;
  app.lang = state.lang ?? 'zh';
  // Its data is asked for now, while the code that shows it loads: ReportPage's fetch of the same
  // URL takes this response. (The code is a session code, SESSION_CODE: nothing to escape.)
  const preload = document.createElement('link');
  preload.rel = 'preload';
  preload.as = 'fetch';
  preload.crossOrigin = 'anonymous';
  preload.href = reportPath.json(state.report);
  document.head.append(preload);
  return true;
}

/**
 * Keep the URL hash in step with the app: a new section or feature is a history entry
 * (so back/forward walk through what was read), a camera move only replaces it.
 */
export function writeHash(): void {
  const state = stateFromApp();
  const hash = serialiseHash(state);
  if (hash === location.hash || (hash === '' && location.hash === '')) return;
  const previous = parseHash(location.hash, { layers: LAYERS as readonly Layer[] });
  const url = `${location.pathname}${location.search}${hash || '#'}`;
  // A new place, section or report is a step Back returns from; camera and layer changes are not.
  const navigation =
    previous.section !== state.section ||
    previous.feature !== state.feature ||
    previous.report !== state.report;
  if (navigation) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}
