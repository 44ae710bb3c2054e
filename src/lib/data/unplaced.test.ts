import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../plan/parse';
import { allSectionIds, quoteOccursIn } from '../plan/text';
import { PlanFeatureSourceCollection } from './features';
import { buildUnplacedJson, UNPLACED_SOURCE, UnplacedList, type PlanChecks } from './unplaced';
import { DataError } from './validate';

const root = join(import.meta.dirname, '../../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const raw = JSON.parse(read(`geodata/${UNPLACED_SOURCE}`)) as unknown;
const list = UnplacedList.parse(raw);
const doc = parsePlan(read('src/content/linhai-14th-five-year-plan.md'));
const ids = new Set(allSectionIds(doc));
const plan: PlanChecks = {
  hasSection: (id) => ids.has(id),
  quoteOccursIn: (sections, quote) => quoteOccursIn(doc, sections, quote),
};
const features = PlanFeatureSourceCollection.parse(
  JSON.parse(read('geodata/plan-features.geojson')),
);

describe('geodata/unplaced.json', () => {
  it('validates, cites existing sections and quotes them verbatim', () => {
    expect(() => buildUnplacedJson(raw, plan)).not.toThrow();
    expect(list.places.length).toBeGreaterThan(0);
  });

  it('lists no place that is also on the map', () => {
    const onMap = new Set(
      features.features.flatMap((f) => [f.properties.name, ...(f.properties.aliases ?? [])]),
    );
    for (const p of list.places) expect(onMap.has(p.name), p.name).toBe(false);
  });

  it('gives every reason in Chinese and in English', () => {
    for (const p of list.places) {
      expect(p.reason.zh, p.name).toMatch(/\p{Script=Han}/u);
      expect(p.reason.en, p.name).toMatch(/[a-z]{3}/);
    }
  });
});

describe('buildUnplacedJson', () => {
  const good = list.places[0]!;

  it('publishes the validated list as unplaced.json', () => {
    const out = buildUnplacedJson(raw, plan);
    expect(out.fileName).toBe('unplaced.json');
    expect(UnplacedList.parse(JSON.parse(out.text))).toEqual(list);
  });

  it('names the file, the entry and the field of a schema error', () => {
    const bad = { version: 1, places: [{ ...good, reason: { zh: 'no Chinese', en: 'x' } }] };
    expect(() => buildUnplacedJson(bad)).toThrow(
      new RegExp(`geodata/unplaced.json: places\\[0\\] «${good.name}» reason.zh`),
    );
  });

  it('refuses a section the plan does not have and a quote not in the cited sections', () => {
    const bad = {
      version: 1,
      places: [
        { ...good, sections: ['99.9'] },
        { ...good, name: '某地', quote: '这句话不在规划里' },
      ],
    };
    let message = '';
    try {
      buildUnplacedJson(bad, plan);
    } catch (error) {
      expect(error).toBeInstanceOf(DataError);
      message = (error as Error).message;
    }
    expect(message).toContain(`places[0] «${good.name}» sections: no section 99.9`);
    expect(message).toContain('places[1] «某地» quote: not found in sections');
  });

  it('refuses duplicate names', () => {
    expect(() => buildUnplacedJson({ version: 1, places: [good, good] })).toThrow(/unique/);
  });
});
