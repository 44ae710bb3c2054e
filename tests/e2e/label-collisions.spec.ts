import { createPropertyExpression, latest } from '@maplibre/maplibre-gl-style-spec';
import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { openApp } from './support/app';
import { overlap, symbolBoxes, type SymbolBox } from './support/symbolBoxes';

const ZONE_LABELS = 'plan_zones_label';

/**
 * The discs drawn for plan points and stacks (circle layers: not in the collision index), as
 * boxes around each disc and its stroke, from their rendered positions and the radius the
 * style gives at this zoom, evaluated with the map's own global state.
 */
async function discBoxes(page: Page): Promise<SymbolBox[]> {
  const { discs, zoom, globalState } = await page.evaluate(() => {
    const map = (window as any).linhaiMap;
    const layers = map
      .getStyle()
      .layers.filter(
        (l: any) => l.type === 'circle' && /^plan_.*_point$/.test(l.id) && l.id !== 'plan_point',
      )
      .map((l: any) => l.id);
    const seen = new Set<string>();
    const discs = [];
    for (const f of map.queryRenderedFeatures({ layers })) {
      const key = `${f.layer.id}:${f.properties.id}`;
      if (seen.has(key) || f.geometry.type !== 'Point') continue;
      seen.add(key);
      const p = map.project(f.geometry.coordinates);
      discs.push({
        layer: f.layer.id,
        x: p.x,
        y: p.y,
        radius: map.getPaintProperty(f.layer.id, 'circle-radius'),
        stroke: map.getPaintProperty(f.layer.id, 'circle-stroke-width'),
        properties: f.properties,
      });
    }
    return { discs, zoom: map.getZoom(), globalState: map.getGlobalState() };
  });
  const evaluate = (value: unknown, spec: unknown, properties: Record<string, unknown>) => {
    if (typeof value === 'number') return value;
    const parsed = createPropertyExpression(value, spec as never, globalState);
    if (parsed.result !== 'success') throw new Error('bad circle expression');
    return Number(parsed.value.evaluate({ zoom, globalState }, { type: 'Point', properties }));
  };
  return discs.map((d) => {
    // The stroke's feature state (selection) is off at the opening view: 'case' falls through.
    const r =
      evaluate(d.radius, latest.paint_circle['circle-radius'], d.properties) +
      evaluate(d.stroke, latest.paint_circle['circle-stroke-width'], d.properties) / 2;
    return { layers: [d.layer], x1: d.x - r, y1: d.y - r, x2: d.x + r, y2: d.y + r };
  });
}

const describe = (b: SymbolBox) =>
  `${b.layers.join('+')} [${[b.x1, b.y1, b.x2, b.y2].map((v) => Math.round(v)).join(',')}]`;

/**
 * The screens a planner opens the map on: a laptop, a phone (the map is a strip above the
 * panel) and a projector. `townShare`: how many of the town seats in view keep their name at
 * least (a phone's strip has room for fewer: zone names and marks come first).
 */
const SCREENS = [
  { name: 'desktop', viewport: { width: 1440, height: 900 }, townShare: 0.6 },
  { name: 'phone', viewport: { width: 390, height: 844 }, townShare: 0.3 },
  { name: 'projector', viewport: { width: 1920, height: 1080 }, townShare: 0.6 },
] as const;

for (const screen of SCREENS)
  for (const lang of ['zh', 'en'] as const) {
    test(`at the opening view (${screen.name}, ${lang}) the zone names are drawn clear of every symbol and label`, async ({
      page,
    }) => {
      await page.setViewportSize(screen.viewport);
      await openApp(page, lang === 'en' ? '#lang=en' : '');
      const { zonesInView, seatsInView } = await page.evaluate(() => {
        const map = (window as any).linhaiMap;
        const bounds = map.getBounds();
        const inView = (source: string, filter: (f: any) => boolean) =>
          new Set(
            map
              .querySourceFeatures(source)
              .filter((f: any) => filter(f) && bounds.contains(f.geometry.coordinates))
              .map((f: any) => f.properties.id ?? f.properties.code),
          ).size;
        return {
          zonesInView: inView(
            'plan',
            (f) => f.properties.layer === 'zones' && f.properties.role === 'label',
          ),
          seatsInView: inView('seats', () => true),
        };
      });
      expect(zonesInView).toBeGreaterThanOrEqual(4);

      // Every zone in view has its name drawn (the public query: what MapLibre placed).
      const drawnZones = await page.evaluate(
        (layer) =>
          new Set(
            (window as any).linhaiMap
              .queryRenderedFeatures({ layers: [layer] })
              .map((f: any) => f.properties.id),
          ).size,
        ZONE_LABELS,
      );
      expect(drawnZones).toBe(zonesInView);

      const boxes = await symbolBoxes(page);
      const zones = boxes.filter((b) => b.layers.includes(ZONE_LABELS));
      // The collision index holds one box per drawn zone name (a MapLibre upgrade that moves
      // its internals would report none here rather than pass).
      expect(zones).toHaveLength(zonesInView);
      // Each name is whole on the map, not cut by its edge (MapLibre places labels partly
      // off-screen: on a phone 西部生态发展区 lost its first characters).
      const canvas = await page.evaluate(() => {
        const c = (window as any).linhaiMap.getCanvas();
        return { width: c.clientWidth, height: c.clientHeight };
      });
      const cut = zones.filter(
        (z) => z.x1 < 0 || z.y1 < 0 || z.x2 > canvas.width || z.y2 > canvas.height,
      );
      expect(cut.map(describe)).toEqual([]);
      const others = boxes.filter((b) => !b.layers.includes(ZONE_LABELS));
      const discs = await discBoxes(page);
      expect(discs.length).toBeGreaterThan(10);

      // No disc, mark, stack count, line label or town name sits on a zone name.
      const onZones = zones.flatMap((z) =>
        [...others, ...discs]
          .filter((b) => overlap(z, b))
          .map((b) => `${describe(z)} × ${describe(b)}`),
      );
      expect(onZones).toEqual([]);

      // No name (town, place, line, stack) runs over a point's or a stack's disc.
      const names = others.filter((b) => !b.layers.some((l) => /_mark$|_count$/.test(l)));
      const onDiscs = names.flatMap((n) =>
        discs.filter((d) => overlap(n, d, 1)).map((d) => `${describe(n)} × ${describe(d)}`),
      );
      expect(onDiscs).toEqual([]);

      // Town names yield only where they collide: most of the seats in view keep theirs.
      const townNames = boxes.filter((b) => b.layers.includes('seats_labels')).length;
      expect(seatsInView).toBeGreaterThan(15);
      expect(townNames).toBeGreaterThanOrEqual(Math.ceil(seatsInView * screen.townShare));
    });
  }
