import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../plan/parse';
import { allSectionIds, findSectionsNaming, quoteOccursIn, sectionText } from '../plan/text';
import {
  BoundaryCollection,
  GazetteerCollection,
  SeatCollection,
  type GazetteerCollection as Gazetteer,
} from './basemap';
import {
  LAYERS,
  PlanFeatureCollection,
  PlanFeatureSource,
  PlanFeatureSourceCollection,
  ZONE_IDS,
} from './features';
import {
  buildFeaturesGeojson,
  checkAnchors,
  PLAN_FEATURES_SOURCE,
  resolveDerivedGeometry,
  seatTownAreas,
} from './planFeatures';
import { DataError } from './validate';

const root = join(import.meta.dirname, '../../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const json = (name: string) => JSON.parse(read(`geodata/${name}`)) as unknown;

const raw = json(PLAN_FEATURES_SOURCE);
const source = PlanFeatureSourceCollection.parse(raw);
const seats = SeatCollection.parse(json('linhai-township-seats.geojson'));
const boundary = BoundaryCollection.parse(json('linhai-boundary.geojson'));
const gazetteer: Gazetteer = GazetteerCollection.parse(json('gazetteer.geojson'));
const doc = parsePlan(read('src/content/linhai-14th-five-year-plan.md'));
const sectionIds = new Set(allSectionIds(doc));
const props = source.features.map((f) => f.properties);

/** City bbox (W, S, E, N). */
const BBOX = [120.82, 28.64, 121.94, 29.07] as const;

/**
 * Sections a substring search finds but that do not name the feature itself: the name is a
 * part of another word (一带一路, 入东海) or of another place's name (头门港医化园区, the town
 * 白水洋 vs the logistics node 白水洋). Each exclusion is deliberate.
 */
const NOT_NAMING: Record<string, string[]> = {
  'belt-one': ['3.1', '6.2', '7', '7.2', '7.3'], // 一带一路
  'east-sea': ['2.1'], // 百川入东海
  'toumen-port': ['2.1', '2.3', '3.2', '4.3', 'box5', '4.4', '6.3', '10.2', '11.1'], // 头门港X
  'luohe-circle': ['4.4', 'box7'], // 灵湖-佩弦湖-洛河商圈 is its own feature
  'node-baishuiyang': ['5.1', '5.3'], // the town, not the logistics node
  'node-xunqiao': ['5.1'],
  'node-shangpan': ['5.1'],
  'node-taozhu': ['4.3', 'fn1', '5.1', '5.3', '10.1'],
};

describe('geodata/plan-features.geojson', () => {
  it('validates as authored plan features with unique ids', () => {
    expect(PlanFeatureSourceCollection.safeParse(raw).success).toBe(true);
    expect(new Set(props.map((p) => p.id)).size).toBe(props.length);
  });

  it('holds at least 130 features', () => {
    expect(source.features.length).toBeGreaterThanOrEqual(130);
  });

  it('has features in every layer the plan content supports', () => {
    const used = new Set(props.map((p) => p.layer));
    // 通用机场 (8.1) has no known site: see geodata/README.md.
    const unsupported = new Set(['airports']);
    for (const layer of LAYERS) if (!unsupported.has(layer)) expect(used, layer).toContain(layer);
  });

  it('cites only sections that exist in the parsed plan', () => {
    for (const p of props)
      for (const s of p.sections) expect(sectionIds, `${p.id} ${s}`).toContain(s);
  });

  it('quotes the plan verbatim from one of the cited sections', () => {
    for (const p of props) expect(quoteOccursIn(doc, p.sections, p.quote), p.id).toBe(true);
  });

  it('cites every section whose text names it (name and aliases)', () => {
    for (const p of props) {
      const naming = [p.name, ...(p.aliases ?? [])].flatMap((n) => findSectionsNaming(doc, n));
      const missing = [...new Set(naming)].filter(
        (s) => !p.sections.includes(s) && !(NOT_NAMING[p.id] ?? []).includes(s),
      );
      expect(missing, p.id).toEqual([]);
    }
  });

  it('keeps points inside the city bbox unless off_map', () => {
    for (const f of source.features) {
      if (f.geometry?.type !== 'Point' || f.properties.off_map) continue;
      const [x, y] = f.geometry.coordinates;
      expect(
        x! >= BBOX[0] && x! <= BBOX[2] && y! >= BBOX[1] && y! <= BBOX[3],
        f.properties.id,
      ).toBe(true);
    }
  });

  it('gives estimated features an uncertainty and rounds their points to 0.01°', () => {
    for (const f of source.features) {
      const p = f.properties;
      if (p.confidence !== 'estimated') continue;
      expect(p.uncertainty_km, p.id).toBeGreaterThan(0);
      if (f.geometry?.type === 'Point')
        for (const v of f.geometry.coordinates)
          expect(Math.abs(v * 100 - Math.round(v * 100)), p.id).toBeLessThan(1e-9);
    }
  });

  it('never claims more certainty than its anchor', () => {
    const unc = new Map<string, number>();
    for (const g of gazetteer.features)
      if (g.properties.uncertainty_km) unc.set(g.properties.id, g.properties.uncertainty_km);
    for (const s of seats.features)
      if (s.properties.uncertainty_km) unc.set(s.properties.code, s.properties.uncertainty_km);
    for (const p of props) {
      if (p.confidence !== 'estimated') continue;
      for (const a of p.anchors ?? [])
        expect(p.uncertainty_km!, p.id).toBeGreaterThanOrEqual(unc.get(a) ?? 0);
    }
  });

  it('anchors cited positions exactly on cited gazetteer or seat points', () => {
    expect(checkAnchors(source, seats, gazetteer)).toEqual([]);
  });

  it('states a horizon for every feature: 2025, 2035 or null (未注明)', () => {
    for (const p of props) expect([2025, 2035, null], p.id).toContain(p.horizon);
  });

  it('backs every 2025/2035 horizon with a verbatim passage that names the place and states it', () => {
    // Three ways the plan states a horizon, and nothing else counts:
    // 1. the passage names the year or the period (到2025年, 到“十四五”末, 到2035年);
    // 2. the heading of its section does (专栏五 “十四五”期间…, 1.5 “十四五”…主要目标,
    //    1.3 二〇三五年远景目标);
    // 3. the passage commits to finishing it (完成…, …建成通车) in the body of this five-year
    //    plan (chapters 2–14; chapter 1 reviews the last plan), i.e. by 2025.
    const marker = { 2025: /2025|二〇二五|十四五/, 2035: /2035|二〇三五/ } as const;
    const inBody = (id: string) => !/^(1(\.\d+)?|table\d)$/.test(id);
    for (const p of props) {
      if (p.horizon === null) continue;
      const { section, quote } = p.horizon_basis!;
      expect(quoteOccursIn(doc, [section], quote), `${p.id}: ${section} «${quote}»`).toBe(true);
      const names = [p.name, ...(p.aliases ?? [])].map((n) => n.replace(/\s/g, ''));
      const squeezed = quote.replace(/\s/g, '');
      const heading = sectionText(doc, section)!.split('\n')[0]!;
      expect(
        names.some((n) => squeezed.includes(n)),
        `${p.id}: the passage must name it`,
      ).toBe(true);
      const stated =
        marker[p.horizon].test(quote) ||
        marker[p.horizon].test(heading) ||
        (p.horizon === 2025 && inBody(section) && /完成|建成/.test(quote));
      expect(stated, `${p.id}: ${section} «${quote}»`).toBe(true);
    }
  });

  it('leaves a horizon unstated (null) only where no cited section states one for it', () => {
    // Headings with a year whose passage names the place only inside another project's name
    // (金台铁路临海综合物流园, 甬台温铁路临海站场): no horizon is stated for the railway itself.
    const notStated: Record<string, string[]> = {
      'yongtaiwen-railway': ['box5'],
      'linhai-station': ['box5'],
    };
    const marker = /2025|二〇二五|十四五|2035|二〇三五/;
    for (const p of props) {
      if (p.horizon !== null) continue;
      const names = [p.name, ...(p.aliases ?? [])].map((n) => n.replace(/\s/g, ''));
      for (const section of p.sections) {
        if (notStated[p.id]?.includes(section)) continue;
        const [heading = '', ...body] = sectionText(doc, section)!.split('\n');
        const sentences = body
          .join('\n')
          .split(/[。；\n]/)
          .map((x) => x.replace(/\s/g, ''));
        const naming = sentences.filter((x) => names.some((n) => x.includes(n)));
        const stated =
          naming.some((x) => marker.test(x)) || (naming.length && marker.test(heading));
        expect(stated, `${p.id}: ${section} states a horizon`).toBeFalsy();
      }
    }
  });

  it('gives every source a note in Chinese and English, and anchors its reference', () => {
    for (const p of props) {
      const { kind, ref, note } = p.source;
      expect(note.zh, p.id).toMatch(/\p{Script=Han}/u);
      expect(note.en, p.id).toMatch(/[a-z]{3}/);
      if (kind === 'gazetteer' || kind === 'seat') expect(p.anchors ?? [], p.id).toContain(ref);
      if (kind === 'derived') expect(p.derive, p.id).toBeDefined();
    }
  });

  it('describes the three zones and the 中心城区 by derivation, not copied polygons', () => {
    const derived = props.filter((p) => p.derive).map((p) => p.id);
    expect(derived.sort()).toEqual(['central-city', ...ZONE_IDS].sort());
  });
});

const towns = seatTownAreas(seats, boundary);

describe('resolveDerivedGeometry', () => {
  it('fills every derived geometry with a (Multi)Polygon', () => {
    const resolved = resolveDerivedGeometry(source, seats, boundary, towns);
    for (const f of resolved.features) {
      expect(f.geometry, f.properties.id).not.toBeNull();
      if (f.properties.derive) expect(f.geometry.type).toMatch(/Polygon$/);
    }
  });

  it('rejects a derive naming an unknown seat', () => {
    const bad = structuredClone(source);
    bad.features[0]!.properties.derive = { kind: 'town-union', towns: ['无此镇'] };
    bad.features[0]!.geometry = null;
    expect(() => resolveDerivedGeometry(bad, seats, boundary)).toThrow(DataError);
  });
});

describe('PlanFeatureSource', () => {
  it('requires geometry null exactly when derive is given', () => {
    const f = structuredClone(source.features.find((x) => x.properties.derive)!);
    expect(
      PlanFeatureSource.safeParse({ ...f, geometry: { type: 'Point', coordinates: [121, 28.8] } })
        .success,
    ).toBe(false);
    const g = structuredClone(source.features.find((x) => !x.properties.derive)!);
    expect(PlanFeatureSource.safeParse({ ...g, geometry: null }).success).toBe(false);
  });
});

describe('buildFeaturesGeojson', () => {
  const out = buildFeaturesGeojson({ planFeatures: raw, seats, boundary, gazetteer });
  const published = PlanFeatureCollection.parse(JSON.parse(out.text));

  it('publishes features.geojson with every feature and no null geometry', () => {
    expect(out.fileName).toBe('features.geojson');
    expect(published.features).toHaveLength(source.features.length);
  });

  it('sets the zone of points from the schematic zone areas', () => {
    const zoneOf = (id: string) =>
      published.features.find((f) => f.properties.id === id)?.properties.zone;
    expect(zoneOf('town-duqiao')).toBe('zone-east');
    expect(zoneOf('town-baishuiyang')).toBe('zone-west');
    expect(zoneOf('jiangnan-ev-park')).toBe('zone-central');
  });

  it('names the file, the feature and the field of a bad source or horizon', () => {
    const bad = structuredClone(raw) as { features: { properties: Record<string, unknown> }[] };
    const i = bad.features.findIndex((f) => f.properties.id === 'fulong-bridge');
    const props = bad.features[i]!.properties;
    props.source = { kind: 'gazetteer', note: { zh: 'placed at lh-022', en: 'placed' } };
    props.horizon = 2025;
    const build = () => buildFeaturesGeojson({ planFeatures: bad, seats, boundary, gazetteer });
    expect(build).toThrow(
      `geodata/plan-features.geojson: features[${i}] «伏龙大桥» properties.source.note.zh`,
    );
    expect(build).toThrow(`features[${i}] «伏龙大桥» properties.source.ref`);
    expect(build).toThrow(`features[${i}] «伏龙大桥» properties.horizon_basis`);
  });

  it('refuses a cited feature that drifted from its anchor', () => {
    const bad = structuredClone(source);
    const cited = bad.features.find((f) => f.properties.confidence === 'cited')!;
    cited.geometry = { type: 'Point', coordinates: [121.3, 28.8] };
    expect(() => buildFeaturesGeojson({ planFeatures: bad, seats, boundary, gazetteer })).toThrow(
      /differs from its anchor/,
    );
  });
});
