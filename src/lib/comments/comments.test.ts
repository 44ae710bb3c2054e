import { describe, expect, it } from 'vitest';
import {
  Comment,
  createComment,
  exportCsv,
  exportGeojson,
  mergeComments,
  newId,
  parseCommentsFile,
  withEdits,
  withStatus,
  type CommentInput,
} from './index';

const T0 = new Date('2026-11-29T10:00:00.000Z');
const T1 = new Date('2026-11-29T11:00:00.000Z');

let counter = 0;
function make(input: Partial<CommentInput> = {}, now = T0): Comment {
  counter++;
  return createComment(
    { kind: 'idea', text: `意见 ${counter}`, lon: 121.15, lat: 28.85, ...input },
    now,
    `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
  );
}

describe('Comment schema', () => {
  it('creates a visible, versioned comment', () => {
    const c = make({ section: '5.1', feature: 'toumen-port' });
    expect(c).toMatchObject({
      status: 'visible',
      created: T0.toISOString(),
      updated: T0.toISOString(),
      schemaVersion: 1,
      section: '5.1',
      feature: 'toumen-port',
    });
  });

  it('defaults status to visible', () => {
    const { status: _status, ...rest } = make();
    expect(Comment.parse(rest).status).toBe('visible');
  });

  it('counts characters, not UTF-16 units, up to 1000', () => {
    expect(() => make({ text: '临'.repeat(1000) })).not.toThrow();
    expect(() => make({ text: '😀'.repeat(1000) })).not.toThrow();
    expect(() => make({ text: '临'.repeat(1001) })).toThrow(/longer than 1000/);
    expect(() => make({ text: '' })).toThrow(/empty/);
    expect(() => make({ text: ' \n\t ' })).toThrow(/empty/);
  });

  it.each([
    ['kind', { kind: 'rant' }],
    ['lon', { lon: 181 }],
    ['lat', { lat: Number.NaN }],
    ['lat', { lat: Infinity }],
    ['section', { section: '<script>' }],
    ['feature', { feature: 'javascript:alert(1)' }],
  ])('rejects a bad %s', (_field, bad) => {
    expect(() => make(bad as Partial<CommentInput>)).toThrow();
  });

  it('rejects bad ids, times and versions', () => {
    const c = make();
    expect(Comment.safeParse({ ...c, id: 'not-a-uuid' }).success).toBe(false);
    expect(Comment.safeParse({ ...c, created: 'yesterday' }).success).toBe(false);
    expect(Comment.safeParse({ ...c, schemaVersion: 2 }).success).toBe(false);
    expect(Comment.safeParse({ ...c, status: 'deleted' }).success).toBe(false);
  });

  it('drops unknown fields such as a name or __proto__', () => {
    const raw = JSON.parse(`{"__proto__": {"polluted": 1}, "name": "Zhang San"}`) as object;
    const parsed = Comment.parse({ ...make(), ...raw }) as Record<string, unknown>;
    expect(parsed.name).toBeUndefined();
    expect(Object.hasOwn(parsed, '__proto__')).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('makes v4 UUIDs', () => {
    const ids = new Set(Array.from({ length: 100 }, newId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(Comment.shape.id.safeParse(id).success).toBe(true);
  });

  it('hides and restores without losing anything, always bumping updated', () => {
    const c = make();
    const hidden = withStatus(c, 'hidden', T1);
    expect(hidden).toEqual({ ...c, status: 'hidden', updated: T1.toISOString() });
    const restored = withStatus(hidden, 'visible', T0); // a clock that went backwards
    expect(restored.status).toBe('visible');
    expect(Date.parse(restored.updated)).toBeGreaterThan(Date.parse(hidden.updated));
    expect(restored.text).toBe(c.text);
  });

  it('validates edits', () => {
    const c = make();
    expect(withEdits(c, { kind: 'concern' }, T1)).toMatchObject({ kind: 'concern' });
    expect(() => withEdits(c, { text: '' }, T1)).toThrow();
  });
});

const hostileTexts = [
  '=HYPERLINK("http://evil.example","click")',
  '+1+1',
  '-2+3',
  '@SUM(A1:A2)',
  '\t=1',
  "'quoted",
  "'=already escaped",
  '逗号,引号"和\r\n换行',
  '<img src=x onerror=alert(1)>',
  '\u202eRTL override',
];

describe('export and re-import', () => {
  const comments = [
    make({ section: 'box5', feature: 'toumen-port' }),
    withStatus(make({ kind: 'concern' }), 'hidden', T1),
    ...hostileTexts.map((text) => make({ text, kind: 'question' })),
  ];

  it('GeoJSON round-trips every field', () => {
    const text = exportGeojson(comments);
    const fc = JSON.parse(text) as {
      type: string;
      features: { geometry: { coordinates: number[] } }[];
    };
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features[0]!.geometry.coordinates).toEqual([121.15, 28.85]);
    const back = parseCommentsFile(text);
    expect(back).toEqual({ ok: true, format: 'geojson', comments });
  });

  it('CSV round-trips every field, hostile text included', () => {
    const back = parseCommentsFile(exportCsv(comments));
    expect(back).toEqual({ ok: true, format: 'csv', comments });
  });

  it('CSV starts with a BOM and a header, and no cell starts a formula', () => {
    const csv = exportCsv(comments);
    expect(
      csv.startsWith(
        '\uFEFFid,kind,status,text,lon,lat,section,feature,created,updated,schemaVersion\r\n',
      ),
    ).toBe(true);
    const cells = parseCells(csv.slice(1));
    for (const row of cells.slice(1)) {
      for (const cell of row) {
        if (/^-?\d+(\.\d+)?$/.test(cell)) continue; // a number is harmless
        expect(cell, JSON.stringify(cell)).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
  });

  it('exports an empty list as a header only / an empty collection', () => {
    expect(parseCommentsFile(exportCsv([]))).toEqual({ ok: true, format: 'csv', comments: [] });
    expect(parseCommentsFile(exportGeojson([]))).toEqual({
      ok: true,
      format: 'geojson',
      comments: [],
    });
  });
});

/** Minimal RFC 4180 reader for the assertions (independent of papaparse). */
function parseCells(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i]!;
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        cell += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && csv[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      cell += ch;
    }
  }
  return rows;
}

describe('parseCommentsFile errors', () => {
  const good = make();

  it.each([
    ['empty', '', /empty/],
    ['whitespace', ' \n ', /empty/],
    ['truncated JSON', '{"type":"FeatureCollection","features":[', /not valid JSON/],
    ['a JSON array', '[1,2]', /not a GeoJSON FeatureCollection/],
    ['another GeoJSON type', '{"type":"Feature"}', /not a GeoJSON FeatureCollection/],
    ['a CSV without our columns', 'name,lon,lat\nx,1,2', /lacks the column/],
    ['plain text', 'hello world', /lacks the column/],
  ])('%s', (_name, text, error) => {
    const result = parseCommentsFile(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });

  it('refuses a file with one bad comment and names where', () => {
    const bad = { ...good, id: newId(), text: '' };
    const geo = exportGeojson([good, bad as Comment]);
    const result = parseCommentsFile(geo);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(/nothing was imported/);
      expect(result.problems[0]).toMatch(/^features\[1\], text: the comment text is empty/);
    }
    const csv = exportCsv([good, { ...good, id: 'x', lat: 95 } as Comment]);
    const csvResult = parseCommentsFile(csv);
    expect(csvResult.ok).toBe(false);
    if (!csvResult.ok) {
      expect(csvResult.problems.join('\n')).toMatch(/line 3, id: id is not a UUID/);
      expect(csvResult.problems.join('\n')).toMatch(/line 3, lat: latitude above 90/);
    }
  });

  it('refuses features that are not points', () => {
    const geo = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'LineString', coordinates: [] }, properties: {} },
        5,
      ],
    });
    const result = parseCommentsFile(geo);
    expect(result).toMatchObject({
      ok: false,
      problems: ['features[0]: a comment must be a Point', 'features[1]: not a GeoJSON Feature'],
    });
  });

  it('refuses numbers in exponent or hex form in CSV', () => {
    const csv = exportCsv([good]).replace(',121.15,', ',1e2,');
    expect(parseCommentsFile(csv).ok).toBe(false);
  });

  it('limits the list of problems', () => {
    const many = Array.from({ length: 20 }, () => ({ ...good, id: 'bad' }) as Comment);
    const result = parseCommentsFile(exportGeojson(many));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toHaveLength(6);
      expect(result.problems[5]).toBe('…and 15 more');
    }
  });

  it('refuses a file that is too large without parsing it', () => {
    const result = parseCommentsFile('x'.repeat(20_000_001));
    expect(result).toMatchObject({
      ok: false,
      error: expect.stringMatching(/too large/) as string,
    });
  });

  it('never throws on hostile input', () => {
    for (const text of [
      '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null,"properties":null}]}',
      '{"type":"FeatureCollection","features":{"length":1e9}}',
      '{"__proto__":{"type":"FeatureCollection"}}',
      '"\u0000"',
      'id,kind,text,lon,lat,created,updated\n"unterminated',
      '\uFEFF\uFEFF',
      '['.repeat(10000),
      '\ud800',
    ]) {
      expect(() => parseCommentsFile(text)).not.toThrow();
      expect(parseCommentsFile(text).ok).toBe(false);
    }
  });
});

describe('mergeComments', () => {
  it('adds new, replaces older, keeps newer, without duplicates', () => {
    const a = make();
    const b = make();
    const c = make();
    const bNewer = withStatus(b, 'hidden', T1);
    const cOlder = { ...c, text: 'older', updated: '2026-11-29T09:00:00.000Z' };
    const d = make();
    const result = mergeComments([a, b, c], [a, bNewer, cOlder, d]);
    expect(result.comments).toEqual([a, bNewer, c, d]);
    expect(result.changed).toEqual([bNewer, d]);
    expect(result).toMatchObject({ added: 1, updated: 1, unchanged: 2 });
  });

  it('is idempotent: importing the same file twice adds nothing', () => {
    const local = [make(), make()];
    const other = [make(), make(), make()];
    const once = mergeComments(local, other);
    const twice = mergeComments(once.comments, other);
    expect(twice.comments).toEqual(once.comments);
    expect(twice).toMatchObject({ added: 0, updated: 0, unchanged: 3, changed: [] });
  });

  it('resolves duplicates inside the incoming file by updated time', () => {
    const x = make();
    const xNewer = withEdits(x, { text: 'newer' }, T1);
    const result = mergeComments([], [xNewer, x, x]);
    expect(result.comments).toEqual([xNewer]);
    expect(result).toMatchObject({ added: 1, updated: 0, unchanged: 0 });
  });

  it('compares times, not strings, across time zones', () => {
    const x = make();
    const sameInstantOtherZone = { ...x, text: 'tie', updated: '2026-11-29T18:00:00.000+08:00' };
    const result = mergeComments([x], [sameInstantOtherZone]);
    expect(result.comments).toEqual([x]);
    expect(result.unchanged).toBe(1);
  });

  it('merges in either direction to the same set', () => {
    const shared = make();
    const left = [shared, make()];
    const right = [withStatus(shared, 'hidden', T1), make()];
    const lr = mergeComments(left, right).comments;
    const rl = mergeComments(right, left).comments;
    const byId = (list: Comment[]) => [...list].sort((p, q) => p.id.localeCompare(q.id));
    expect(byId(lr)).toEqual(byId(rl));
  });
});
