import type { PlanFeatureCollection } from '../data/features';
import type { PlanDocument } from '../data/plan';
import { dataUrl } from './dataUrl';

async function fetchJson<T>(file: string): Promise<T> {
  const response = await fetch(dataUrl(file));
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  try {
    return (await response.json()) as T;
  } catch {
    throw new Error(`${file}: not valid JSON`);
  }
}

/**
 * The plan features and the plan text, as published by the build, fetched in parallel
 * and handed over separately: the map draws the features without waiting for the text.
 * Both were validated with zod at build time, so the browser does not carry the schemas.
 */
export function loadPlanData(): {
  features: Promise<PlanFeatureCollection>;
  plan: Promise<PlanDocument>;
} {
  return {
    features: fetchJson<PlanFeatureCollection>('features.geojson'),
    plan: fetchJson<PlanDocument>('plan.json'),
  };
}
