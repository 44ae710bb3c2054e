import { describe, expect, it } from 'vitest';
import { LAYERS } from '../data/features';
import {
  coordinateDecimals,
  parseHash,
  serialiseHash,
  serialiseView,
  type HashKnown,
  type HashState,
} from './hash';

const known: HashKnown = {
  layers: LAYERS,
  features: new Set(['toumen-port', 'linhai-station']),
  sections: new Set(['5.1', '6.1', 'box5', 'fn1']),
  tourSteps: 6,
  statuses: ['existing', 'under_construction', 'planned', 'proposed'],
  years: ['2025', '2035'],
  zones: new Set(['zone-bay', 'zone-mountain']),
  tabs: ['layers', 'reader', 'analysis', 'comments', 'data'],
};
const loose: HashKnown = { layers: LAYERS };

/** Deterministic PRNG (mulberry32), so a failing case can be reproduced from its seed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = [
  ...'abcdefghijklmnopqrstuvwxyz0123456789',
  ...'#&=/,.-+%?;:_ ~!*()[]{}<>"\'\\',
  'map=',
  'layers=',
  'feature=',
  'section=',
  'tour=',
  'lang=',
  'status=',
  'year=',
  'zone=',
  'tab=',
  'planned',
  '2035',
  'zone-bay',
  'reader',
  '__proto__',
  'constructor',
  'NaN',
  'Infinity',
  '1e308',
  '-1e-308',
  '%E0%A4%A',
  '%00',
  '%ZZ',
  '\u202e',
  '\ud800',
  '临海',
  '头门港',
  'zones',
  'port',
  '5.1',
  'box5',
  '999999999999',
];

function garbage(random: () => number): string {
  const n = Math.floor(random() * 40);
  let out = random() < 0.5 ? '#' : '';
  for (let i = 0; i < n; i++) out += ALPHABET[Math.floor(random() * ALPHABET.length)];
  return out;
}

/** Every state parseHash returns must satisfy these, whatever the input. */
function assertValid(state: HashState, k: HashKnown) {
  const allowed = new Set([
    ...['map', 'layers', 'feature', 'section', 'tour', 'lang'],
    ...['status', 'year', 'zone', 'tab'],
    ...['session', 'screen', 'present', 'host', 'report'],
  ]);
  for (const key of Object.keys(state)) expect(allowed.has(key)).toBe(true);
  expect(Object.getPrototypeOf(state)).toBe(Object.prototype);
  if (state.map) {
    const { zoom, lat, lon } = state.map;
    for (const v of [zoom, lat, lon]) expect(Number.isFinite(v)).toBe(true);
    expect(zoom).toBeGreaterThanOrEqual(0);
    expect(zoom).toBeLessThanOrEqual(22);
    expect(Math.abs(lat)).toBeLessThanOrEqual(90);
    expect(Math.abs(lon)).toBeLessThanOrEqual(180);
  }
  if (state.layers) {
    for (const id of state.layers) expect(k.layers).toContain(id);
    expect(new Set(state.layers).size).toBe(state.layers.length);
  }
  if (state.feature !== undefined) {
    expect(state.feature).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    if (k.features) expect(k.features.has(state.feature)).toBe(true);
  }
  if (state.section !== undefined && k.sections) expect(k.sections.has(state.section)).toBe(true);
  if (state.tour !== undefined) {
    expect(Number.isInteger(state.tour)).toBe(true);
    expect(state.tour).toBeGreaterThanOrEqual(1);
    if (k.tourSteps !== undefined) expect(state.tour).toBeLessThanOrEqual(k.tourSteps);
  }
  if (state.lang !== undefined) expect(['zh', 'en']).toContain(state.lang);
  if (state.status) {
    expect(state.status.length).toBeGreaterThan(0);
    expect(new Set(state.status).size).toBe(state.status.length);
    for (const s of state.status) {
      if (k.statuses) expect(k.statuses).toContain(s);
      else expect(s).toMatch(/^[a-z][a-z_]*$/);
    }
  }
  if (state.year !== undefined && k.years) expect(k.years).toContain(state.year);
  if (state.zone !== undefined && k.zones) expect(k.zones.has(state.zone)).toBe(true);
  if (state.tab !== undefined && k.tabs) expect(k.tabs).toContain(state.tab);
  if (state.present !== undefined) expect(state.present).toBe(true);
  if (state.session !== undefined) expect(state.session).toMatch(/^[a-z2-7]{6}$/);
  if (state.report !== undefined) expect(state.report).toMatch(/^[a-z2-7]{6}$/);
  if (state.screen !== undefined) expect(['qr', 'projector']).toContain(state.screen);
}

describe('the report page in the hash', () => {
  const known: HashKnown = { layers: ['zones'] };
  it('reads #report=<code>, alone or in a session, and writes it back', () => {
    expect(parseHash('#report=k7m2qx', known)).toEqual({ report: 'k7m2qx' });
    expect(parseHash('#session=k7m2qx&report=k7m2qx&lang=en', known)).toEqual({
      session: 'k7m2qx',
      report: 'k7m2qx',
      lang: 'en',
    });
    expect(serialiseHash({ report: 'k7m2qx', lang: 'en' })).toBe('#report=k7m2qx&lang=en');
  });

  it('ignores a code that is not a session code', () => {
    for (const hash of ['#report=', '#report=K7M2QX', '#report=k7m2q', '#report=<b>x</b>'])
      expect(parseHash(hash, known).report).toBeUndefined();
  });
});

describe('the facilitator entry in the hash', () => {
  const known: HashKnown = { layers: ['zones'] };
  it('reads a bare #host, alone or beside a session, and writes it back', () => {
    expect(parseHash('#host', known)).toEqual({ host: true });
    expect(parseHash('#session=k7m2qx&host&lang=en', known)).toEqual({
      session: 'k7m2qx',
      host: true,
      lang: 'en',
    });
    expect(serialiseHash({ host: true })).toBe('#host');
    expect(serialiseHash({ session: 'k7m2qx', host: true, lang: 'en' })).toBe(
      '#session=k7m2qx&host&lang=en',
    );
  });

  it('is not set by a join link or by look-alikes', () => {
    expect(parseHash('#session=k7m2qx', known).host).toBeUndefined();
    for (const hash of ['#host=0', '#hostx', '#HOST', '#ho%73t']) {
      expect(parseHash(hash, known).host).toBeUndefined();
    }
  });
});

describe('presenter mode in the hash', () => {
  const known: HashKnown = { layers: ['zones'] };
  it('reads present=1 and writes it back after the language', () => {
    expect(parseHash('#lang=en&present=1', known)).toEqual({ lang: 'en', present: true });
    expect(serialiseHash({ lang: 'en', present: true })).toBe('#lang=en&present=1');
  });
  it('ignores any other value, and leaves it out when off', () => {
    for (const v of ['0', 'true', 'yes', '']) expect(parseHash(`present=${v}`, known)).toEqual({});
    expect(serialiseHash({ lang: 'en' })).toBe('#lang=en');
  });
});

describe('parseHash', () => {
  it('reads a session join link and its screen, and writes the session first', () => {
    const state = parseHash('#session=k7m2qx&screen=projector&lang=en', known);
    expect(state).toEqual({ session: 'k7m2qx', screen: 'projector', lang: 'en' });
    expect(serialiseHash({ ...state, map: { zoom: 11, lat: 28.85, lon: 121.15 } })).toBe(
      '#session=k7m2qx&screen=projector&map=11/28.8500/121.1500&lang=en',
    );
    // Not a session code (upper case, 1, 8, wrong length), not a screen: left out.
    expect(parseHash('#session=K7M2QX&screen=kiosk', known)).toEqual({});
    expect(parseHash('#session=k7m2q1', known)).toEqual({});
    expect(parseHash('#session=k7m2qxx', known)).toEqual({});
  });

  it('reads every part', () => {
    expect(
      parseHash(
        '#map=12.5/28.8500/121.1500&layers=zones,port&feature=toumen-port&section=5.1&tour=3&lang=en',
        known,
      ),
    ).toEqual({
      map: { zoom: 12.5, lat: 28.85, lon: 121.15 },
      layers: ['zones', 'port'],
      feature: 'toumen-port',
      section: '5.1',
      tour: 3,
      lang: 'en',
    });
  });

  it('returns {} for empty input', () => {
    expect(parseHash('', known)).toEqual({});
    expect(parseHash('#', known)).toEqual({});
    expect(parseHash(undefined, known)).toEqual({});
    expect(parseHash(null, known)).toEqual({});
    expect(parseHash(42, known)).toEqual({});
  });

  it('reads the bare svelte-maplibre form #zoom/lat/lon', () => {
    expect(parseHash('#9/28.85/121.15', known)).toEqual({
      map: { zoom: 9, lat: 28.85, lon: 121.15 },
    });
  });

  it('keeps valid parts when others are garbage', () => {
    expect(parseHash('#map=99/28/121&layers=zones&tour=x', known)).toEqual({ layers: ['zones'] });
    expect(parseHash('#map=10/28.8/121.1&layers=nope&feature=../../etc', known)).toEqual({
      map: { zoom: 10, lat: 28.8, lon: 121.1 },
    });
  });

  it.each([
    ['zoom above 22', 'map=23/28/121'],
    ['negative zoom', 'map=-1/28/121'],
    ['latitude above 90', 'map=10/91/121'],
    ['longitude below -180', 'map=10/28/-181'],
    ['exponent', 'map=1e1/28/121'],
    ['huge number', 'map=10/1e308/121'],
    ['Infinity', 'map=10/Infinity/121'],
    ['NaN', 'map=NaN/28/121'],
    ['hex', 'map=0x10/28/121'],
    ['missing part', 'map=10/28'],
    ['extra part', 'map=10/28/121/4'],
    ['empty parts', 'map=//'],
    ['spaces', 'map= 10/28/121'],
    ['many digits', 'map=10/28.' + '1'.repeat(400) + '/121'],
  ])('rejects a map with %s', (_name, hash) => {
    expect(parseHash(hash, known)).toEqual({});
  });

  it('filters unknown layers, deduplicates and keeps an explicit empty list', () => {
    expect(parseHash('layers=port,zones,bogus,port', known).layers).toEqual(['port', 'zones']);
    expect(parseHash('layers=', known).layers).toEqual([]);
    expect(parseHash('layers=bogus,__proto__', known).layers).toBeUndefined();
    expect(parseHash('layers=zones%2Cport', known).layers).toEqual(['zones', 'port']);
  });

  it('checks features, sections and tour steps against what is known', () => {
    expect(parseHash('feature=unknown-place', known)).toEqual({});
    expect(parseHash('feature=unknown-place', loose)).toEqual({ feature: 'unknown-place' });
    expect(parseHash('feature=Bad_Id', loose)).toEqual({});
    expect(parseHash('section=9.9', known)).toEqual({});
    expect(parseHash('section=9.9', loose)).toEqual({ section: '9.9' });
    expect(parseHash('section=box5', known)).toEqual({ section: 'box5' });
    expect(parseHash('section=<script>', loose)).toEqual({});
    expect(parseHash('tour=7', known)).toEqual({});
    expect(parseHash('tour=6', known)).toEqual({ tour: 6 });
    expect(parseHash('tour=0', known)).toEqual({});
    expect(parseHash('tour=2.5', known)).toEqual({});
    expect(parseHash('tour=-1', known)).toEqual({});
    expect(parseHash('lang=fr', known)).toEqual({});
  });

  it('takes the first valid value of a repeated key', () => {
    expect(parseHash('lang=en&lang=zh', known)).toEqual({ lang: 'en' });
    expect(parseHash('tour=99&tour=2', known)).toEqual({ tour: 2 });
  });

  it('decodes percent-encoding and survives broken encoding', () => {
    expect(parseHash('%66eature=toumen-port', known)).toEqual({ feature: 'toumen-port' });
    expect(parseHash('feature=%E0%A4%A&lang=en', known)).toEqual({ lang: 'en' });
    expect(parseHash('%E0%A4%A=1&tour=1', known)).toEqual({ tour: 1 });
  });

  it('ignores __proto__ and constructor keys without touching prototypes', () => {
    const state = parseHash('__proto__=x&constructor=y&__proto__[polluted]=1&lang=en', known);
    expect(state).toEqual({ lang: 'en' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('handles a 10k-character hash quickly', () => {
    const long = '#' + 'map=1/2/3&'.repeat(1000) + 'x'.repeat(10_000);
    const start = performance.now();
    expect(parseHash(long, known)).toEqual({ map: { zoom: 1, lat: 2, lon: 3 } });
    expect(parseHash('#' + 'a'.repeat(10_000), known)).toEqual({});
    expect(parseHash('#layers=' + 'zones,'.repeat(2000), known)).toEqual({});
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it('never throws and always returns a valid state on 2,000 random inputs', () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const random = rng(seed);
      const input = garbage(random);
      const k = seed % 2 === 0 ? known : loose;
      let state: HashState = {};
      expect(() => (state = parseHash(input, k)), `seed ${seed}: ${input}`).not.toThrow();
      assertValid(state, k);
      // Whatever was read serialises and reads back to the same thing.
      expect(parseHash(serialiseHash(state), k)).toEqual(roundedState(state));
    }
  });

  it('never throws on random code units', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const random = rng(seed);
      const chars = Array.from({ length: Math.floor(random() * 200) }, () =>
        String.fromCharCode(Math.floor(random() * 0x10000)),
      );
      const state = parseHash(chars.join(''), known);
      assertValid(state, known);
    }
  });
});

/** What a state becomes after serialising: the view rounded as serialiseView rounds it. */
function roundedState(state: HashState): HashState {
  if (!state.map) return state;
  const [zoom, lat, lon] = serialiseView(state.map).split('/').map(Number);
  return { ...state, map: { zoom: zoom!, lat: lat!, lon: lon! } };
}

describe('filters and tab in the hash', () => {
  it('reads status, year, zone and tab', () => {
    expect(
      parseHash('#status=planned,proposed&year=2035&zone=zone-bay&tab=analysis', known),
    ).toEqual({
      status: ['planned', 'proposed'],
      year: '2035',
      zone: 'zone-bay',
      tab: 'analysis',
    });
  });

  it('drops what it does not know, so the defaults apply', () => {
    expect(parseHash('#status=bogus&year=1999&zone=nowhere&tab=settings', known)).toEqual({});
    expect(parseHash('#status=planned,bogus,planned', known)).toEqual({ status: ['planned'] });
    expect(parseHash('#status=&year=&zone=&tab=', known)).toEqual({});
    expect(parseHash('#year=<b>&zone=../x&tab=__proto__', loose)).toEqual({});
    expect(parseHash('#tab=Reader', known)).toEqual({});
  });

  it('keeps older links valid: a hash without the new keys reads as before', () => {
    const old = '#map=12/28.8500/121.1500&layers=zones,port&feature=toumen-port&lang=en';
    expect(parseHash(old, known)).toEqual({
      map: { zoom: 12, lat: 28.85, lon: 121.15 },
      layers: ['zones', 'port'],
      feature: 'toumen-port',
      lang: 'en',
    });
  });

  it('writes them in a fixed place and reads them back', () => {
    const state: HashState = {
      map: { zoom: 11, lat: 28.8512, lon: 121.1456 },
      layers: ['zones'],
      status: ['under_construction', 'planned'],
      year: '2025',
      zone: 'zone-mountain',
      section: '5.1',
      tab: 'reader',
      lang: 'en',
    };
    const hash = serialiseHash(state);
    expect(hash).toBe(
      '#map=11/28.8512/121.1456&layers=zones&status=under_construction,planned&year=2025' +
        '&zone=zone-mountain&section=5.1&tab=reader&lang=en',
    );
    expect(parseHash(hash, known)).toEqual(state);
    // An empty status list means "no filter" and is not written.
    expect(serialiseHash({ status: [] })).toBe('');
  });
});

describe('serialiseHash', () => {
  it('writes parts in a fixed order', () => {
    expect(
      serialiseHash({
        lang: 'en',
        tour: 3,
        section: 'box5',
        feature: 'toumen-port',
        layers: ['zones', 'port'],
        map: { zoom: 12, lat: 28.85, lon: 121.15 },
      }),
    ).toBe(
      '#map=12/28.8500/121.1500&layers=zones,port&feature=toumen-port&section=box5&tour=3&lang=en',
    );
  });

  it('writes nothing for an empty state, and an empty layer list as layers=', () => {
    expect(serialiseHash({})).toBe('');
    expect(serialiseHash({ layers: [] })).toBe('#layers=');
  });

  it('rounds coordinates by zoom, 2 to 5 decimals', () => {
    expect(coordinateDecimals(0)).toBe(2);
    expect(coordinateDecimals(22)).toBe(5);
    expect(serialiseView({ zoom: 3, lat: 28.123456, lon: 121.123456 })).toBe('3/28.12/121.12');
    expect(serialiseView({ zoom: 10.456, lat: 28.123456, lon: 121.123456 })).toBe(
      '10.46/28.1235/121.1235',
    );
    expect(serialiseView({ zoom: 18, lat: 28.123456, lon: 121.123456 })).toBe(
      '18/28.12346/121.12346',
    );
    expect(serialiseView({ zoom: 5, lat: -0.0001, lon: 0 })).toBe('5/0.00/0.00');
  });

  it('round-trips many random views within the rounding', () => {
    const random = rng(7);
    for (let i = 0; i < 1000; i++) {
      const view = { zoom: random() * 22, lat: random() * 180 - 90, lon: random() * 360 - 180 };
      const hash = serialiseHash({ map: view, tour: 1 + Math.floor(random() * 6) });
      const back = parseHash(hash, known);
      const tolerance = 0.5 * 10 ** -coordinateDecimals(back.map!.zoom) + 1e-12;
      expect(back.map).toBeDefined();
      expect(Math.abs(back.map!.lat - view.lat)).toBeLessThanOrEqual(tolerance);
      expect(Math.abs(back.map!.lon - view.lon)).toBeLessThanOrEqual(tolerance);
      expect(Math.abs(back.map!.zoom - view.zoom)).toBeLessThanOrEqual(0.005 + 1e-12);
      // Serialising again gives the same text.
      expect(serialiseHash(back)).toBe(hash);
    }
  });

  it('round-trips a full state exactly', () => {
    const state: HashState = {
      map: { zoom: 11, lat: 28.8512, lon: 121.1456 },
      layers: LAYERS.slice(0, 5),
      feature: 'linhai-station',
      section: 'fn1',
      tour: 6,
      lang: 'zh',
    };
    expect(parseHash(serialiseHash(state), known)).toEqual(state);
  });
});
