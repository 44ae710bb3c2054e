import { parsePlan } from './parse.ts';

/**
 * The plan as open data: `dist/data/plan.json`, the parsed and validated document model.
 * Throws (failing the build) when the plan text no longer parses.
 */
export function buildPlanJson(markdown: string): { fileName: 'plan.json'; text: string } {
  return { fileName: 'plan.json', text: JSON.stringify(parsePlan(markdown)) };
}
