import { z } from 'zod';
import { Bilingual } from './bilingual.ts';
import { UNPLACED_FILE } from './catalogue.ts';
import type { DataOutput, DerivedStep } from './datasets';
import { Layer, SectionRef } from './features.ts';
import { PlanFacts } from './planFacts.ts';
import { DataError, parseJson, validateData } from './validate.ts';

/** The authored file in `geodata/`. */
export const UNPLACED_SOURCE = 'unplaced.json';
/** The published file in `dist/data/` (and `/data/` in dev). */
export const UNPLACED_OUTPUT = UNPLACED_FILE.output;

/**
 * A place the plan names that is not on the map, and why: no defensible position offline,
 * or a name too vague to place. Every named place is either a feature or one of these
 * (checked by a unit test against `src/lib/data/fixtures/named-places.json`).
 */
export const UnplacedPlace = z.object({
  /** Chinese name, as the plan writes it. */
  name: z.string().min(1),
  name_en: z.string().min(1),
  /** The layer it would belong to if it were placed. */
  layer: Layer,
  /** Every section, box or footnote whose text names it. */
  sections: z.array(SectionRef).min(1, 'an unplaced place must cite at least one section'),
  /** A sentence of the plan that names it (verbatim, whitespace aside). */
  quote: z.string().min(4),
  /** Why it is not on the map, in both UI languages. */
  reason: Bilingual,
  /** Other spellings in the plan text. */
  aliases: z.array(z.string().min(1)).optional(),
  /** Investment, lead body and years, where the plan states them (`planFacts.ts`). */
  ...PlanFacts,
});
export type UnplacedPlace = z.infer<typeof UnplacedPlace>;

export const UnplacedList = z
  .object({
    version: z.literal(1),
    places: z.array(UnplacedPlace),
  })
  .refine((u) => new Set(u.places.map((p) => p.name)).size === u.places.length, {
    message: 'unplaced place names must be unique',
    path: ['places'],
  });
export type UnplacedList = z.infer<typeof UnplacedList>;

/** What the plan offers to check an entry against (kept abstract: data does not import plan). */
export interface PlanChecks {
  hasSection: (id: string) => boolean;
  quoteOccursIn: (sections: string[], quote: string) => boolean;
}

/**
 * Validate `geodata/unplaced.json` and, given the plan, check that every cited section
 * exists and every quote occurs in one of them; publish the validated list.
 * @throws DataError naming the file, the entry and the reason
 */
export function buildUnplacedJson(json: unknown, plan?: PlanChecks): DataOutput {
  const file = `geodata/${UNPLACED_SOURCE}`;
  const list = validateData(file, UnplacedList, json);
  const problems: string[] = [];
  list.places.forEach((p, i) => {
    const where = `${file}: places[${i}] «${p.name}»`;
    if (!plan) return;
    for (const s of p.sections)
      if (!plan.hasSection(s)) problems.push(`${where} sections: no section ${s} in the plan`);
    if (!plan.quoteOccursIn(p.sections, p.quote))
      problems.push(`${where} quote: not found in sections ${p.sections.join(', ')}`);
    for (const fact of ['investment', 'lead', 'years'] as const) {
      const f = p[fact];
      if (f && !plan.quoteOccursIn([f.section], f.quote))
        problems.push(`${where} ${fact}.quote: not found in section ${f.section}`);
    }
  });
  if (problems.length) throw new DataError(problems.join('\n'));
  return { fileName: UNPLACED_OUTPUT, text: JSON.stringify(list) };
}

/** A build step for `buildDatasets`: reads `geodata/unplaced.json` with `read`. */
export function unplacedStep(read: (source: string) => string, plan?: PlanChecks): DerivedStep {
  return () => [
    buildUnplacedJson(parseJson(`geodata/${UNPLACED_SOURCE}`, read(UNPLACED_SOURCE)), plan),
  ];
}
