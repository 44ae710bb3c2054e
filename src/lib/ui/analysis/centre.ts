import type { Geometry, Position } from 'geojson';
import type { PlanFeature } from '../../data/features';
import { representativePoint } from '../../geo/distance';
import type { Centre } from './analysisState.svelte';

/** The plan feature a centre names, if it is one and still present. */
export function centreFeature(
  centre: Centre | null,
  features: readonly PlanFeature[],
): PlanFeature | undefined {
  if (centre?.kind !== 'feature') return undefined;
  return features.find((f) => f.properties.id === centre.id);
}

/** The centre's geometry: the point, or the whole feature (a line or area buffers as itself). */
export function centreGeometry(
  centre: Centre | null,
  features: readonly PlanFeature[],
): Geometry | null {
  if (!centre) return null;
  if (centre.kind === 'point') return { type: 'Point', coordinates: centre.position };
  return (centreFeature(centre, features)?.geometry as Geometry | undefined) ?? null;
}

/** One point for the centre (circles need a point): a feature's representative point. */
export function centrePoint(
  centre: Centre | null,
  features: readonly PlanFeature[],
): Position | null {
  const geometry = centreGeometry(centre, features);
  return geometry ? representativePoint(geometry) : null;
}
