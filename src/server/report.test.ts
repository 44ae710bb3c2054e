import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { randomUUID } from 'node:crypto';
import { createComment } from '../lib/comments/schema';
import type { Session } from '../lib/consultation/api';
import { REPORT_STATES, SessionReport } from '../lib/consultation/report';
import type { Server } from './server';
import { DATABASES, openTestDatabase, testServer, type TestDatabase } from './testing/databases';
import { Phone, TestClient } from './testing/client';

/**
 * The report (issue 22): anyone reads the public version (visible comments
 * only, nothing of the facilitator's), the facilitator the full one; totals
 * add up; the CSV opens in a spreadsheet and cannot run a formula.
 */

const AT_DUQIAO = { lon: 121.49174, lat: 28.76876 };
const AT_SEA = { lon: 122.5, lat: 28.5 };

describe.each(DATABASES)('the report on %s', (kind) => {
  let database: TestDatabase;
  let server: Server;
  let facilitator: TestClient;
  let session: Session;
  let phone: Phone;
  const ids: Record<string, string> = {};
  const topicId = randomUUID();

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    server = await testServer(database.db);
    facilitator = new TestClient(server.app);
    expect((await facilitator.login()).status).toBe(200);
    session = await facilitator.createSession('采纳情况 <b>报告</b>');
    const path = `/api/sessions/${session.id}`;
    const put = async (name: string, input: Parameters<typeof createComment>[0]) => {
      const comment = createComment(input);
      expect((await phone.put(comment)).status).toBe(201);
      ids[name] = comment.id;
    };
    phone = await Phone.join(new TestClient(server.app), session.id);
    await put('outside', { kind: 'concern', text: '海上风电', ...AT_SEA });
    const agenda = await facilitator.request('PUT', `${path}/agenda`, {
      json: { topics: [{ id: topicId, title: '杜桥镇区', section: '5.1' }] },
    });
    expect(agenda.status).toBe(200);
    expect(
      (await facilitator.request('POST', `${path}/agenda/now`, { json: { topicId } })).status,
    ).toBe(200);
    await put('adopted', { kind: 'idea', text: '=HYPERLINK("x") 增加停车', ...AT_DUQIAO });
    await put('hidden', { kind: 'idea', text: '广告 secret', ...AT_DUQIAO });
    await put('linked', { kind: 'question', text: '海上 §7.3', ...AT_SEA, section: '7.3' });
    const answer = await facilitator.request('POST', `${path}/comments/${ids.adopted}/answer`, {
      json: { state: 'adopted', reply: '已纳入年度计划' },
    });
    expect(answer.status).toBe(200);
    const rejected = await facilitator.request('POST', `${path}/comments/${ids.linked}/answer`, {
      json: { state: 'rejected', reason: '不在规划范围', reply: '转交' },
    });
    expect(rejected.status).toBe(200);
    const hide = await facilitator.request('POST', `${path}/comments/${ids.hidden}/hide`, {
      json: { reason: 'spam reason' },
    });
    expect(hide.status).toBe(200);
    // A comment awaiting approval: pre-moderation on, then one more comment.
    await facilitator.request('PATCH', path, { json: { premoderated: true } });
    await put('pending', { kind: 'support', text: '待审 pending', ...AT_DUQIAO });
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  const get = (suffix = '', client?: TestClient) =>
    client
      ? client.request('GET', `/api/sessions/${session.id}/report${suffix}`)
      : server.app.request(`/api/sessions/${session.id}/report${suffix}`);

  it('is described in the OpenAPI document', async () => {
    const doc = await (await server.app.request('/api/openapi.json')).json();
    expect(Object.keys(doc.paths['/api/sessions/{sid}/report'].get.responses)).toEqual(
      expect.arrayContaining(['200', '404', '429']),
    );
    expect(doc.paths['/api/sessions/{sid}/report.csv'].get).toBeTruthy();
    expect(doc.paths['/api/sessions/{sid}/report.geojson'].get).toBeTruthy();
    expect(doc.components.schemas.SessionReport.properties.rows).toBeTruthy();
  });

  it('shows anyone the visible comments only, without the facilitator’s fields', async () => {
    const response = await get();
    expect(response.status).toBe(200);
    const raw = await response.text();
    const report = SessionReport.parse(JSON.parse(raw));
    expect(report.version).toBe('public');
    expect(report.session.title).toBe('采纳情况 <b>报告</b>');
    expect(report.rows.map((r) => r.id).sort()).toEqual(
      [ids.outside, ids.adopted, ids.linked].sort(),
    );
    for (const secret of ['secret', 'spam reason', 'pending', 'reports', 'device', 'hidden'])
      expect(raw).not.toContain(secret);
    const adopted = report.rows.find((r) => r.id === ids.adopted)!;
    expect(adopted).toMatchObject({
      kind: 'idea',
      zone: 'zone-east',
      place: { id: 'town-duqiao', km: 0 },
      chapters: ['5.1', '5.3'],
      supports: 0,
      topic: topicId,
      answer: { state: 'adopted', reply: '已纳入年度计划' },
    });
    expect(report.rows.find((r) => r.id === ids.outside)).toMatchObject({
      zone: null,
      place: null,
      chapters: [],
      topic: null,
      answer: null,
    });
  });

  it('counts every row once by kind, zone and topic, and once per chapter', async () => {
    const { totals, rows } = SessionReport.parse(await (await get()).json());
    const sum = (buckets: { total: number }[]) => buckets.reduce((n, b) => n + b.total, 0);
    expect(totals.all.total).toBe(rows.length);
    expect(totals.all.states).toEqual({
      adopted: 1,
      partly: 0,
      rejected: 1,
      in_plan: 0,
      studying: 0,
      unanswered: 1,
    });
    expect(sum(totals.byKind)).toBe(3);
    expect(sum(totals.byZone)).toBe(3);
    expect(sum(totals.byTopic!)).toBe(3);
    for (const bucket of [totals.all, ...totals.byKind, ...totals.byZone, ...totals.byChapter])
      expect(REPORT_STATES.reduce((n, s) => n + bucket.states[s], 0)).toBe(bucket.total);
    expect(totals.byKind.find((b) => b.kind === 'idea')!.states.adopted).toBe(1);
    expect(totals.byZone).toEqual([
      expect.objectContaining({ zone: 'zone-east', total: 1 }),
      expect.objectContaining({ zone: null, total: 2 }),
    ]);
    expect(totals.byTopic).toEqual([
      expect.objectContaining({ topic: topicId, title: '杜桥镇区', total: 2 }),
      expect.objectContaining({ topic: null, title: null, total: 1 }),
    ]);
    expect(totals.byChapter.map((b) => [b.chapter, b.total])).toEqual([
      ['5.1', 1],
      ['5.3', 1],
      ['7.3', 1],
      [null, 1],
    ]);
  });

  it('gives the facilitator every comment, hidden and pending ones marked, with the reason', async () => {
    const report = SessionReport.parse(await (await get('', facilitator)).json());
    expect(report.version).toBe('facilitator');
    expect(report.rows).toHaveLength(5);
    expect(report.rows.find((r) => r.id === ids.hidden)).toMatchObject({
      hidden: true,
      hiddenReason: 'spam reason',
    });
    expect(report.rows.find((r) => r.id === ids.pending)).toMatchObject({ pending: true });
    expect(report.totals.all.total).toBe(5);
  });

  it('downloads the same rows as CSV (BOM, no formulas) and GeoJSON', async () => {
    const response = await get('.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toContain('text/csv');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(text.slice(1), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.data).toHaveLength(3);
    expect(parsed.meta.fields).not.toContain('hiddenReason');
    const adopted = parsed.data.find((r) => r.id === ids.adopted)!;
    expect(adopted.text!.startsWith('=')).toBe(false);
    expect(adopted.text).toContain('HYPERLINK');
    expect(adopted).toMatchObject({
      answerState: 'adopted',
      chapters: '5.1; 5.3',
      place: 'town-duqiao',
    });
    expect(parsed.data.find((r) => r.id === ids.outside)!.answerState).toBe('unanswered');
    expect(text).not.toContain('secret');

    const full = await (await get('.csv', facilitator)).text();
    expect(full).toContain('spam reason');

    const geo = await get('.geojson');
    expect(geo.headers.get('Content-Type')).toContain('application/geo+json');
    const collection = (await geo.json()) as {
      features: { geometry: { coordinates: number[] }; properties: Record<string, unknown> }[];
    };
    expect(collection.features).toHaveLength(3);
    const feature = collection.features.find((f) => f.properties.id === ids.adopted)!;
    expect(feature.geometry.coordinates).toEqual([AT_DUQIAO.lon, AT_DUQIAO.lat]);
    expect(feature.properties).toMatchObject({ answerState: 'adopted', chapters: ['5.1', '5.3'] });
  });

  it('answers 404 for a session that does not exist', async () => {
    expect((await server.app.request('/api/sessions/zzzzzz/report')).status).toBe(404);
  });
});
