/**
 * The benchmark's baseline: plain maplibre-gl drawing what the app draws when it opens —
 * the same style (the app's own `buildStyle`), the same published data files, the same
 * default layers — with no Svelte, no panels and no controls. `?size=WxH` sets the map's
 * size so it matches the app's map area pixel for pixel.
 */
import maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { PlanFeatureCollection } from '../../src/lib/data/features';
import { DEFAULT_LAYERS } from '../../src/lib/map/defaultLayers';
import { hatchPattern } from '../../src/lib/map/patterns';
import { planSourceData } from '../../src/lib/map/planData';
import { setPlanData, setVisibleLayers } from '../../src/lib/map/planSync';
import { markReadyWhenDrawn } from '../../src/lib/map/ready';
import { buildStyle, LINHAI_BOUNDS } from '../../src/lib/map/style';
import { cssFontFamily, LIGHT } from '../../src/lib/map/theme';
import { dataUrl } from '../../src/lib/ui/dataUrl';

const container = document.getElementById('map')!;
const size = new URLSearchParams(location.search).get('size')?.match(/^(\d+)x(\d+)$/);
if (size) {
  container.style.width = `${size[1]}px`;
  container.style.height = `${size[2]}px`;
}

// Fetched while the map starts, as the app does.
const features = fetch(dataUrl('features.geojson')).then(
  (r) => r.json() as Promise<PlanFeatureCollection>,
);

const map = new maplibregl.Map({
  container,
  style: buildStyle(LIGHT, dataUrl),
  bounds: LINHAI_BOUNDS,
  fitBoundsOptions: { padding: 24 },
  localIdeographFontFamily: cssFontFamily(LIGHT),
  attributionControl: false,
  canvasContextAttributes: { preserveDrawingBuffer: true },
});
map.on('styleimagemissing', (e) => {
  if (e.id === 'hatch' && !map.hasImage('hatch')) map.addImage('hatch', hatchPattern(LIGHT));
});
(window as unknown as { linhaiMap: maplibregl.Map }).linhaiMap = map;

map.on('load', () => {
  setVisibleLayers(map, DEFAULT_LAYERS);
  void features.then((data) => {
    setPlanData(map, planSourceData(data, 'zh', { statuses: [], horizon: null, zone: null }));
    markReadyWhenDrawn(map);
  });
});
