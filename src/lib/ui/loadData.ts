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
 * The plan features and the plan text, as published by the build. They were validated
 * with zod at build time, so the browser does not carry the schemas.
 */
export async function loadPlanData(): Promise<{
  features: PlanFeatureCollection;
  plan: PlanDocument;
}> {
  const [features, plan] = await Promise.all([
    fetchJson<PlanFeatureCollection>('features.geojson'),
    fetchJson<PlanDocument>('plan.json'),
  ]);
  return { features, plan };
}
