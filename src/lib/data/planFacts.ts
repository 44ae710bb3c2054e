import { z } from 'zod';
import { Bilingual } from './bilingual.ts';
import { SECTION_REF_PATTERN } from './sectionRef.ts';

/**
 * What the plan states about a project beyond its place: its investment, the body that leads
 * it and its years. Each fact carries the section and the verbatim passage that states it
 * (whitespace aside), so a reader can check the figure; a fact the plan does not state is
 * left out and shown as 未注明 / “not stated”. Unit tests check that each passage occurs in
 * its section and contains the figure.
 */
const Passage = {
  section: z.string().regex(SECTION_REF_PATTERN, 'not a section, box, table or footnote id'),
  quote: z.string().min(4),
};

/**
 * An investment in 亿元 (10⁸ yuan). `project`: the plan gives it for this project.
 * `programme`: the plan gives it only for a programme the project falls under (专栏八's
 * 防洪保安工程, 58.33 亿元 over 十四五), named in `programme`, with the programme's own
 * wording for the kind of work (`item`, e.g. 海塘安澜) — the project's share is not stated.
 */
export const Investment = z
  .object({
    amount_yi: z.number().positive(),
    /** The plan writes 约 (about). */
    approx: z.boolean(),
    scope: z.enum(['project', 'programme']),
    programme: Bilingual.optional(),
    item: Bilingual.optional(),
    ...Passage,
  })
  .refine((i) => i.scope === 'project' || i.programme !== undefined, {
    message: 'a programme investment needs the programme it is the total of',
    path: ['programme'],
  });
export type Investment = z.infer<typeof Investment>;

/** The body the plan makes responsible (以东塍镇为主打造…, 浙江头门港经济开发区以…为抓手). */
export const LeadBody = z.object({
  name: z.string().min(2),
  name_en: z.string().min(2),
  ...Passage,
});
export type LeadBody = z.infer<typeof LeadBody>;

/**
 * The years the plan sets for a project: `from`–`to` (“十四五”期间 = 2021–2025), or only
 * `to` (到2025年, with `from` null: the start is not stated).
 */
export const Years = z
  .object({
    from: z.number().int().min(2021).max(2035).nullable(),
    to: z.number().int().min(2021).max(2035),
    ...Passage,
  })
  .refine((y) => y.from === null || y.from <= y.to, {
    message: 'years.from must not be after years.to',
    path: ['from'],
  });
export type Years = z.infer<typeof Years>;

/** The optional fact fields a feature or an unplaced place may carry. */
export const PlanFacts = {
  investment: Investment.optional(),
  lead: LeadBody.optional(),
  years: Years.optional(),
};

/** The facts as a place carries them. */
export interface PlanFactFields {
  investment?: Investment;
  lead?: LeadBody;
  years?: Years;
}
