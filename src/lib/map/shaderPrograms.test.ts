import { createPropertyExpression, isExpression, latest } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { buildStyle } from './style';
import { LIGHT } from './theme';

/**
 * MapLibre compiles one shader program per kind of drawing (fill, its antialiased outline, a
 * dashed line, …) and per way each data-driven paint property is bound: `u` a uniform (constant
 * or zoom only), `a` per feature, `z` per feature and zoom. Each compile blocks the first view
 * (seconds in all on software GL, issue #23), so the style keeps the number of variants small.
 * This is MapLibre 5's rule (`ProgramConfiguration`, `useProgram`), read from the style alone.
 */
type Paint = Record<string, unknown>;

function binding(type: string, property: string, value: unknown): 'u' | 'a' | 'z' {
  if (!isExpression(value)) return 'u';
  const spec = (latest as unknown as Record<string, Record<string, unknown>>)[`paint_${type}`]![
    property
  ] as Parameters<typeof createPropertyExpression>[1];
  const parsed = createPropertyExpression(value, spec);
  if (parsed.result !== 'success') throw new Error(`${property}: ${JSON.stringify(value)}`);
  const kind = parsed.value.kind;
  if (kind === 'constant' || kind === 'camera') return 'u';
  if (kind === 'source' || spec['property-type'] === 'cross-faded-data-driven') return 'a';
  return 'z';
}

/** The data-driven paint properties a program binds, as `property:binding`. */
function signature(type: string, paint: Paint, only: (p: string) => boolean = () => true) {
  const specs = (latest as unknown as Record<string, Record<string, { 'property-type': string }>>)[
    `paint_${type}`
  ]!;
  const value = (p: string) =>
    // An unset outline colour is the fill colour.
    p === 'fill-outline-color' ? (paint[p] ?? paint['fill-color']) : paint[p];
  return Object.keys(specs)
    .filter((p) => specs[p]!['property-type'].endsWith('data-driven') && only(p))
    .map((p) => `${p}:${binding(type, p, value(p))}`)
    .join(' ');
}

/** The programs MapLibre compiles to draw one layer. */
function programsOf(layer: LayerSpecification): string[] {
  const paint = ((layer as { paint?: Paint }).paint ?? {}) as Paint;
  const layout = ((layer as { layout?: Paint }).layout ?? {}) as Paint;
  switch (layer.type) {
    case 'background':
      return ['background'];
    case 'fill': {
      const kind = paint['fill-pattern'] ? 'Pattern' : '';
      const sig = signature('fill', paint);
      const antialias = paint['fill-antialias'] !== false;
      return [`fill${kind} ${sig}`, ...(antialias ? [`fillOutline${kind} ${sig}`] : [])];
    }
    case 'line': {
      const kind = paint['line-dasharray'] ? 'SDF' : paint['line-pattern'] ? 'Pattern' : '';
      return [`line${kind} ${signature('line', paint)}`];
    }
    case 'circle':
      return [`circle ${signature('circle', paint)}`];
    case 'symbol':
      return [
        ...(layout['text-field']
          ? [`symbolSDF ${signature('symbol', paint, (p) => p.startsWith('text-'))}`]
          : []),
        ...(layout['icon-image']
          ? [`symbolIcon ${signature('symbol', paint, (p) => p.startsWith('icon-'))}`]
          : []),
      ];
    default:
      return [layer.type];
  }
}

const style = buildStyle(LIGHT, (file) => `http://127.0.0.1/data/${file}`);
const programs = (layers: LayerSpecification[]) => new Set(layers.flatMap(programsOf));
const layer = (id: string) => style.layers.find((l) => l.id === id)!;

describe('shader programs of the map style', () => {
  it('draws no fill outline: every edge is a line layer, so fills compile no outline program', () => {
    expect([...programs(style.layers)].filter((p) => p.startsWith('fillOutline'))).toEqual([]);
    // …and the edges those outlines would have drawn are there as lines.
    for (const edge of ['coastline', 'counties_line', 'city_line', 'plan_zones_area_edge'])
      expect(layer(edge).type).toBe('line');
  });

  it('draws plan area edges and dashed plan lines with one program', () => {
    const dashed = style.layers.filter(
      (l) => /^plan_.*(_area_edge|_line_(existing|planned))$/.test(l.id) && l.type === 'line',
    );
    expect(dashed.length).toBeGreaterThan(10);
    expect(programs(dashed).size).toBe(1);
  });

  it("draws the ground's plain fills (land, counties, city, the veil and its fade) with one program", () => {
    const ground = style.layers.filter((l) => l.type === 'fill' && !l.id.startsWith('plan_'));
    expect(ground.map((l) => l.id)).toEqual(
      expect.arrayContaining(['land', 'unmapped', 'unmapped_fade_0', 'counties_fill', 'city_fill']),
    );
    expect(programs(ground).size).toBe(1);
  });

  it('needs at most 17 programs for every layer of the style (MapLibre adds sky and clipping masks)', () => {
    // 22 before issue #23's pass over the style; a new variant should be a choice, not a slip.
    expect(programs(style.layers).size).toBeLessThanOrEqual(17);
  });
});
