import { randomUUID } from 'node:crypto';
import { CSRF_HEADER, type Agenda } from '../../src/lib/consultation/api';
import { SseStream } from '../../src/server/testing/sse';
import { PASSWORD, percentile, round, sleep } from './harness';

/**
 * A topic switch reaching the hall (issue 21): `listeners` phones follow the
 * session's live feed; the facilitator pushes `switches` topics (正在讨论), one
 * every `everyMs`; for each, the time from sending the push to each phone
 * receiving its `agenda` event. Target: p95 ≤ 1 s with 300 phones.
 */
export async function topicSwitch(
  base: string,
  options: { listeners: number; switches: number; topics: number; everyMs: number },
) {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: base },
    body: JSON.stringify({ password: PASSWORD }),
  });
  if (!login.ok) throw new Error(`login ${login.status}`);
  const headers = {
    'Content-Type': 'application/json',
    Origin: base,
    Cookie: login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; '),
    [CSRF_HEADER]: ((await login.json()) as { csrf: string }).csrf,
  };
  const call = async (method: string, path: string, body: unknown) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers,
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);
    return response.json();
  };
  const { id: sid } = (await call('POST', '/api/sessions', { title: 'bench: 议程' })) as {
    id: string;
  };
  const topics = Array.from({ length: options.topics }, (_, i) => ({
    id: randomUUID(),
    title: `议题 ${i + 1}`,
    section: `${(i % 9) + 1}.1`,
    minutes: 10,
  }));
  await call('PUT', `/api/sessions/${sid}/agenda`, { topics });

  // Each phone notes when it hears each topic.
  const heard = new Map<string, number[]>();
  const streams = Array.from({ length: options.listeners }, () => {
    const stream = new SseStream(`${base}/api/sessions/${sid}/events?after=0`);
    stream.onEvent = (e) => {
      const id = (e.data as { agenda?: Agenda }).agenda?.current?.topicId;
      if (e.event === 'agenda' && id) heard.get(id)?.push(performance.now());
    };
    return stream;
  });
  await Promise.all(streams.map((s) => s.until((e) => e.length >= 1, 60_000)));

  const latencies: number[] = [];
  const slowest: number[] = [];
  let missed = 0;
  for (let i = 0; i < options.switches; i++) {
    const topic = topics[i % topics.length]!;
    const arrivals: number[] = [];
    heard.clear();
    heard.set(topic.id, arrivals);
    const start = performance.now();
    await call('POST', `/api/sessions/${sid}/agenda/now`, { topicId: topic.id });
    const deadline = start + 10_000;
    while (arrivals.length < options.listeners && performance.now() < deadline) await sleep(5);
    missed += options.listeners - arrivals.length;
    const each = arrivals.map((t) => t - start);
    latencies.push(...each);
    slowest.push(Math.max(...each));
    await sleep(options.everyMs);
  }
  for (const s of streams) s.close();
  return {
    listeners: options.listeners,
    switches: options.switches,
    missed,
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    maxMs: round(Math.max(...latencies)),
    slowestPhoneP95Ms: round(percentile(slowest, 95)),
  };
}
