import type { Map as MaplibreMap, MapMouseEvent } from 'maplibre-gl';
import {
  addVertex,
  analysis,
  cancelMeasure,
  cancelPick,
  finishMeasure,
  setCentre,
  undoVertex,
} from './analysisState.svelte';
import { interaction } from '../interaction.svelte';

/** Two clicks closer than this (px) are one vertex: the second click of a double-click. */
const SAME_VERTEX_PX = 4;

/** True when a key press belongs to a form control or button, not to the measure tool. */
function ownedByControl(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return Boolean(
    target.closest('input, textarea, select, button, a[href], [contenteditable="true"]'),
  );
}

/** Adds the map centre as a vertex: the keyboard path (pan with arrows, then add). */
export function addCentreVertex(map: MaplibreMap): void {
  const c = map.getCenter();
  addVertex([c.lng, c.lat]);
}

/**
 * Routes map clicks and keys to the pick and measure tools while one is active:
 * click sets the centre or adds a vertex, double-click or Enter finishes, Backspace removes
 * the last vertex, Space adds the map centre, Esc cancels. Returns the detach function.
 */
export function attachMapTools(map: MaplibreMap): () => void {
  const onClick = (e: MapMouseEvent) => {
    if (interaction.mode === 'pick') {
      setCentre({ kind: 'point', position: [e.lngLat.lng, e.lngLat.lat] });
    } else if (interaction.mode === 'measure') {
      const last = analysis.vertices.at(-1);
      if (last) {
        const p = map.project(last as [number, number]);
        if (Math.hypot(p.x - e.point.x, p.y - e.point.y) < SAME_VERTEX_PX) return;
      }
      addVertex([e.lngLat.lng, e.lngLat.lat]);
    }
  };
  const onDblClick = (e: MapMouseEvent) => {
    if (interaction.mode !== 'measure') return;
    e.preventDefault();
    finishMeasure();
  };
  const onMove = (e: MapMouseEvent) => {
    if (interaction.mode !== 'pick' && interaction.mode !== 'measure') return;
    map.getCanvas().style.cursor = 'crosshair';
    if (interaction.mode === 'measure') analysis.cursor = [e.lngLat.lng, e.lngLat.lat];
  };
  const onOut = () => {
    if (interaction.mode === 'measure') analysis.cursor = null;
  };
  const onKey = (e: KeyboardEvent) => {
    const mode = interaction.mode;
    if ((mode !== 'pick' && mode !== 'measure') || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'Escape') {
      if (mode === 'pick') cancelPick();
      else cancelMeasure();
      e.preventDefault();
      return;
    }
    if (mode !== 'measure' || ownedByControl(e.target)) return;
    if (e.key === 'Enter') finishMeasure();
    else if (e.key === 'Backspace') undoVertex();
    else if (e.key === ' ') addCentreVertex(map);
    else return;
    e.preventDefault();
  };
  map.on('click', onClick);
  map.on('dblclick', onDblClick);
  map.on('mousemove', onMove);
  map.on('mouseout', onOut);
  window.addEventListener('keydown', onKey);
  return () => {
    map.off('click', onClick);
    map.off('dblclick', onDblClick);
    map.off('mousemove', onMove);
    map.off('mouseout', onOut);
    window.removeEventListener('keydown', onKey);
    map.getCanvas().style.cursor = '';
  };
}
