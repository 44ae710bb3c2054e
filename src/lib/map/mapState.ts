import type { ExpressionSpecification, Map as MaplibreMap, StateSpecification } from 'maplibre-gl';

/**
 * The map's global state: what every layer reads through `['global-state', …]`, so a
 * language switch, presenter mode or a selection restyles the map without rebuilding a
 * layer or re-sending data. The style declares the defaults; `setMapState` changes them.
 */
export interface MapState {
  /** UI language: labels, marks and measure readouts follow it. */
  lang: 'zh' | 'en';
  /** Size factor for labels and marks: 1 normally, larger in presenter mode. */
  scale: number;
  /** The selected plan feature's id ('' for none): its uncertainty ring shows at any zoom. */
  selected: string;
  /** The zone the 片区 filter chose ('' for none): outlined on the map. */
  chosenZone: string;
}

export const MAP_STATE_DEFAULTS: MapState = {
  lang: 'zh',
  scale: 1,
  selected: '',
  chosenZone: '',
};

/** The style's `state` block: the defaults above. */
export function mapStateSpec(): StateSpecification {
  return Object.fromEntries(
    Object.entries(MAP_STATE_DEFAULTS).map(([key, value]) => [key, { default: value }]),
  ) as StateSpecification;
}

/** Set one global-state property (a no-op when unchanged, so effects may call it freely). */
export function setMapState<K extends keyof MapState>(
  map: MaplibreMap,
  key: K,
  value: MapState[K],
): void {
  if (map.getGlobalState()[key] === value) return;
  map.setGlobalStateProperty(key, value);
}

const isEnglish: ExpressionSpecification = ['==', ['global-state', 'lang'], 'en'];

/** Text in the UI language: `en` in English, `zh` otherwise. */
export function byLang(
  zh: ExpressionSpecification | string | number,
  en: ExpressionSpecification | string | number,
): ExpressionSpecification {
  return ['case', isEnglish, en, zh];
}

/** A size multiplied by the presenter scale. */
export function scaled(size: number | ExpressionSpecification): ExpressionSpecification {
  return ['*', size, ['global-state', 'scale']];
}

/**
 * A size that grows with the zoom (linear between the stops) and with the presenter scale.
 * MapLibre wants `zoom` at the top of the expression, so the scale goes into each stop.
 */
export function zoomScaled(
  stops: [number, number | ExpressionSpecification][],
): ExpressionSpecification {
  return [
    'interpolate',
    ['linear'],
    ['zoom'],
    ...stops.flatMap(([zoom, size]) => [zoom, scaled(size)]),
  ] as ExpressionSpecification;
}
