import type { Position } from 'geojson';
import { interaction } from '../interaction.svelte';

/**
 * The analysis tools' state, outside the components so switching tabs keeps what the user
 * made (a centre, a radius, chosen circles, a measurement).
 */

/** The centre of "within X km" and of the service circles. */
export type Centre = { kind: 'point'; position: Position } | { kind: 'feature'; id: string };

export type MeasureKind = 'line' | 'area';

/** Fewest vertices a finished measurement needs. */
export const MIN_VERTICES: Record<MeasureKind, number> = { line: 2, area: 3 };

class AnalysisState {
  centre = $state.raw<Centre | null>(null);
  /** Reach of "within X km", 1–30 km. */
  km = $state(10);
  /** Ids of the plan service circles drawn around the centre. */
  circles = $state<string[]>([]);
  measureKind = $state<MeasureKind>('line');
  vertices = $state.raw<Position[]>([]);
  /** Pointer position while measuring (for the rubber band), or null. */
  cursor = $state.raw<Position | null>(null);
  /** A problem with the last measure command, in words (cleared by the next one). */
  measureError = $state('');
}

export const analysis = new AnalysisState();

export function startPick(): void {
  if (interaction.mode === 'measure') stopMeasure();
  interaction.mode = 'pick';
}

export function cancelPick(): void {
  if (interaction.mode === 'pick') interaction.mode = 'browse';
}

export function setCentre(centre: Centre): void {
  analysis.centre = centre;
  cancelPick();
}

export function clearAnalysis(): void {
  analysis.centre = null;
  analysis.circles = [];
  cancelPick();
}

export function startMeasure(kind: MeasureKind): void {
  analysis.measureKind = kind;
  analysis.vertices = [];
  analysis.cursor = null;
  analysis.measureError = '';
  interaction.mode = 'measure';
}

export function addVertex(position: Position): void {
  if (interaction.mode !== 'measure') return;
  analysis.vertices = [...analysis.vertices, position];
  analysis.measureError = '';
}

export function undoVertex(): void {
  if (interaction.mode !== 'measure') return;
  analysis.vertices = analysis.vertices.slice(0, -1);
  analysis.measureError = '';
}

/** Ends the measurement, keeping it drawn; false (and an error) when it has too few points. */
export function finishMeasure(): boolean {
  if (interaction.mode !== 'measure') return false;
  if (analysis.vertices.length < MIN_VERTICES[analysis.measureKind]) {
    analysis.measureError = 'needPoints';
    return false;
  }
  interaction.mode = 'browse';
  analysis.cursor = null;
  analysis.measureError = '';
  return true;
}

export function cancelMeasure(): void {
  if (interaction.mode === 'measure') interaction.mode = 'browse';
  analysis.vertices = [];
  analysis.cursor = null;
  analysis.measureError = '';
}

/** Leaves measuring mode without losing a usable measurement (e.g. when the tab closes). */
export function stopMeasure(): void {
  if (interaction.mode !== 'measure') return;
  if (!finishMeasure()) cancelMeasure();
}
