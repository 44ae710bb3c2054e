import type { Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { oracleDistanceKm } from '../../geo/test/oracle';
import { COAST_EXTENT } from '../../map/basemapLayers';
import {
  boundsOf,
  countByState,
  dotLayers,
  DRAW_ORDER,
  frameAround,
  geometryPath,
  KM_PER_DEGREE,
  labelPoint,
  project,
  scaleBar,
  type Bounds,
  type Frame,
  type MapDot,
} from './reportMapGeometry';

/** Linhai's outline's extent (geodata/linhai-boundary.geojson, 东矶列岛 included). */
const LINHAI: Bounds = [120.823066, 28.642803, 121.939428, 29.069052];
const DUQIAO = { lon: 121.49174, lat: 28.76876 };
const frame = frameAround(LINHAI, { minAspect: 0.62, within: COAST_EXTENT });

/** SVG units per kilometre, north–south. */
const unitsPerKm = (f: Frame) => f.scale / KM_PER_DEGREE;
const length = ([x0, y0]: [number, number], [x1, y1]: [number, number]) =>
  Math.hypot(x1 - x0, y1 - y0);

/** The centre of each circle of a dot path (`M x-r y a…`). */
function centres(d: string, radius: number): [number, number][] {
  return [...d.matchAll(/M(-?[\d.]+) (-?[\d.]+)/g)].map(([, x, y]) => [
    Number(x) + radius,
    Number(y),
  ]);
}

describe('the frame', () => {
  it('holds Linhai with a margin, its corners at the corners of the drawing', () => {
    expect(frame.west).toBeLessThan(LINHAI[0]);
    expect(frame.south).toBeLessThan(LINHAI[1]);
    expect(frame.east).toBeGreaterThan(LINHAI[2]);
    expect(frame.north).toBeGreaterThan(LINHAI[3]);
    expect(frame.width).toBe(1000);
    expect(project(frame, frame.west, frame.north)).toEqual([0, 0]);
    const [x, y] = project(frame, frame.east, frame.south);
    expect(x).toBeCloseTo(frame.width, 6);
    expect(y).toBeCloseTo(frame.height, 6);
  });

  it('is at least as tall as asked, and stays inside the coast data', () => {
    expect(frame.height / frame.width).toBeGreaterThanOrEqual(0.62 - 1e-9);
    const [w, s, e, n] = COAST_EXTENT;
    expect(frame.west).toBeGreaterThanOrEqual(w);
    expect(frame.south).toBeGreaterThanOrEqual(s);
    expect(frame.east).toBeLessThanOrEqual(e);
    expect(frame.north).toBeLessThanOrEqual(n);
  });

  it('is moved, not shrunk, into the coast data; larger than it, it is left as it is', () => {
    const nearEdge = frameAround([120.6, 28.5, 121.0, 28.8], { within: COAST_EXTENT });
    expect(nearEdge.west).toBe(120.6);
    const loose = frameAround([120.6, 28.5, 121.0, 28.8]);
    expect(nearEdge.east - nearEdge.west).toBeCloseTo(loose.east - loose.west, 9);
    const huge = frameAround([119, 27, 123, 30], { within: COAST_EXTENT });
    expect(huge.west).toBeLessThan(119);
  });
});

describe('the projection', () => {
  // The WGS-84 geodesic (geographiclib) says how long a kilometre on the map must be.
  const middle = (frame.south + frame.north) / 2;

  it('draws east–west and north–south kilometres within 0.5 % of the geodesic', () => {
    const west = project(frame, 121.2, middle);
    const east = project(frame, 121.6, middle);
    const km = oracleDistanceKm([121.2, middle], [121.6, middle]);
    const south = project(frame, 121.4, middle - 0.2);
    const north = project(frame, 121.4, middle + 0.2);
    const kmNS = oracleDistanceKm([121.4, middle - 0.2], [121.4, middle + 0.2]);
    expect(Math.abs(length(south, north) / unitsPerKm(frame) / kmNS - 1)).toBeLessThan(0.005);
    expect(Math.abs(length(west, east) / unitsPerKm(frame) / km - 1)).toBeLessThan(0.005);
  });

  it('puts north up and east right', () => {
    const [x, y] = project(frame, DUQIAO.lon, DUQIAO.lat);
    const [xEast, yNorth] = [
      project(frame, DUQIAO.lon + 0.1, DUQIAO.lat)[0],
      project(frame, DUQIAO.lon, DUQIAO.lat + 0.1)[1],
    ];
    expect(xEast).toBeGreaterThan(x);
    expect(yNorth).toBeLessThan(y);
  });
});

describe('the scale bar', () => {
  it('is a round distance of at most a quarter of the width, as long as the geodesic says', () => {
    const { km, share } = scaleBar(frame);
    expect(km).toBe(20); // the map is some 115 km wide
    expect(share).toBeLessThanOrEqual(0.25);
    // The bar drawn along the middle latitude, measured on the ellipsoid.
    const middle = (frame.south + frame.north) / 2;
    const lonSpan = share * (frame.east - frame.west);
    const measured = oracleDistanceKm([121, middle], [121 + lonSpan, middle]);
    expect(Math.abs(measured / km - 1)).toBeLessThan(0.005);
  });

  it('picks 1, 2 or 5 times a power of ten', () => {
    for (const width of [0.05, 0.3, 1, 4]) {
      const { km } = scaleBar(frameAround([121, 28.8, 121 + width, 28.9]));
      const leading = Math.round((km / 10 ** Math.floor(Math.log10(km))) * 1e9) / 1e9;
      expect([1, 2, 5]).toContain(leading);
    }
  });
});

describe('outlines as paths', () => {
  const square = (w: number, s: number, e: number, n: number) => [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ];

  it('closes each ring of a polygon, holes included', () => {
    const d = geometryPath(frame, {
      type: 'Polygon',
      coordinates: [square(121, 28.7, 121.4, 29), square(121.1, 28.8, 121.2, 28.9)],
    });
    expect(d.match(/M/g)).toHaveLength(2);
    expect(d.match(/Z/g)).toHaveLength(2);
    const [x, y] = project(frame, 121, 28.7);
    expect(d.startsWith(`M${Math.round(x * 10) / 10} ${Math.round(y * 10) / 10} `)).toBe(true);
  });

  it('leaves out points that fall on the one before at a tenth of a unit', () => {
    const tiny = 1e-6;
    const d = geometryPath(frame, {
      type: 'LineString',
      coordinates: [
        [121, 28.8],
        [121 + tiny, 28.8],
        [121.3, 28.8],
      ],
    });
    expect(d.split(' ')).toHaveLength(4); // two points, x and y each
    expect(d).not.toContain('Z');
  });

  it('draws every part of a multipolygon and nothing for a point', () => {
    const d = geometryPath(frame, {
      type: 'MultiPolygon',
      coordinates: [[square(121, 28.7, 121.1, 28.8)], [square(121.5, 28.9, 121.6, 29)]],
    });
    expect(d.match(/Z/g)).toHaveLength(2);
    expect(geometryPath(frame, { type: 'Point', coordinates: [121, 28.8] })).toBe('');
  });

  it('names a polygon at its middle, the largest part of several', () => {
    const small: Geometry = { type: 'Polygon', coordinates: [square(121, 28.7, 121.1, 28.8)] };
    const [x, y] = labelPoint(frame, small)!;
    const [cx, cy] = project(frame, 121.05, 28.75);
    expect(x * frame.width).toBeCloseTo(cx, 1);
    expect(y * frame.height).toBeCloseTo(cy, 1);
    const both: Geometry = {
      type: 'MultiPolygon',
      coordinates: [[square(121, 28.7, 121.1, 28.8)], [square(121.3, 28.7, 121.7, 29)]],
    };
    const [bx] = labelPoint(frame, both)!;
    expect(bx * frame.width).toBeCloseTo(project(frame, 121.5, 28.85)[0], 1);
    expect(labelPoint(frame, { type: 'Point', coordinates: [121, 28.8] })).toBeNull();
  });

  it('bounds a collection of geometries', () => {
    expect(
      boundsOf({
        type: 'GeometryCollection',
        geometries: [
          { type: 'Point', coordinates: [121, 28.7] },
          {
            type: 'LineString',
            coordinates: [
              [121.5, 29],
              [120.9, 28.8],
            ],
          },
        ],
      }),
    ).toEqual([120.9, 28.7, 121.5, 29]);
  });
});

describe('the comments as dots', () => {
  const dot = (state: MapDot['state'], lon = DUQIAO.lon, lat = DUQIAO.lat): MapDot => ({
    lon,
    lat,
    state,
  });

  it('are one path per state, bottom to top: unanswered first, adopted last', () => {
    const layers = dotLayers(frame, [dot('adopted'), dot('unanswered')], 4);
    expect(layers.map((l) => l.state)).toEqual(DRAW_ORDER);
    expect(DRAW_ORDER[0]).toBe('unanswered');
    expect(DRAW_ORDER.at(-1)).toBe('adopted');
    expect(layers.find((l) => l.state === 'rejected')!.d).toBe('');
  });

  it('draw each comment as a circle where it was placed', () => {
    const layers = dotLayers(frame, [dot('adopted'), dot('adopted', 121.2, 28.9)], 4);
    const adopted = layers.find((l) => l.state === 'adopted')!;
    const [first, second] = centres(adopted.d, 4);
    const [x, y] = project(frame, DUQIAO.lon, DUQIAO.lat);
    expect(first![0]).toBeCloseTo(x, 0);
    expect(first![1]).toBeCloseTo(y, 0);
    expect(second![0]).toBeCloseTo(project(frame, 121.2, 28.9)[0], 0);
    expect(adopted.inFrame).toBe(2);
  });

  it('draw one circle for a pile of the same state at one spot, and one per state', () => {
    const pile = [...Array(30)].map(() => dot('unanswered'));
    const layers = dotLayers(frame, [...pile, dot('adopted')], 4);
    const byState = Object.fromEntries(layers.map((l) => [l.state, l]));
    expect(centres(byState.unanswered!.d, 4)).toHaveLength(1);
    expect(byState.unanswered!.inFrame).toBe(30);
    expect(centres(byState.adopted!.d, 4)).toHaveLength(1);
  });

  it('leave out comments placed outside the frame, which the counts still hold', () => {
    const dots = [dot('studying'), dot('studying', 122.5, 28.5), dot('rejected', 0, 0)];
    const layers = dotLayers(frame, dots, 4);
    expect(layers.reduce((sum, l) => sum + l.inFrame, 0)).toBe(1);
    expect(countByState(dots)).toEqual({
      adopted: 0,
      partly: 0,
      rejected: 1,
      in_plan: 0,
      studying: 2,
      unanswered: 0,
    });
  });
});
