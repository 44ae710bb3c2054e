import type { Comment } from '../../src/lib/comments/schema';
import { SseStream } from '../../src/server/testing/sse';
import {
  benchComment,
  facilitatorSession,
  joinDevice,
  percentile,
  putComment,
  round,
  sleep,
  type ServerProcess,
} from './harness';

/** The five server scenarios, each bounded in time, on loopback. */

const until = async (at: number) => {
  const wait = at - performance.now();
  if (wait > 0) await sleep(wait);
};

const joinAll = (base: string, sid: string, count: number) =>
  Promise.all(Array.from({ length: count }, () => joinDevice(base, sid)));

/** Open-loop load: `rate` comments/s spread over `phones` devices for `seconds`; latency from send to response. */
export async function submitLoad(
  server: ServerProcess,
  options: { phones: number; rate: number; seconds: number },
) {
  const base = server.base;
  const { id: sid } = await facilitatorSession(base, 'bench: submit');
  const tokens = await joinAll(base, sid, options.phones);
  const cpuBefore = server.cpuMs();
  const total = options.rate * options.seconds;
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const t0 = performance.now() + 200;
  let maxLag = 0;
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const at = t0 + (i * 1000) / options.rate;
    await until(at);
    maxLag = Math.max(maxLag, performance.now() - at);
    const token = tokens[i % tokens.length]!;
    inflight.push(
      (async () => {
        const start = performance.now();
        const status = await putComment(base, sid, token, benchComment()).catch(() => 0);
        latencies.push(performance.now() - start);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      })(),
    );
  }
  await Promise.all(inflight);
  const cpuMs = server.cpuMs() - cpuBefore;
  const errors = total - (statuses.get(201) ?? 0);
  return {
    phones: options.phones,
    ratePerSecond: options.rate,
    seconds: options.seconds,
    sent: total,
    errors,
    statuses: Object.fromEntries(statuses),
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    p99Ms: round(percentile(latencies, 99)),
    maxMs: round(Math.max(...latencies)),
    schedulerMaxLagMs: round(maxLag),
    // The server's own CPU per request (timed-out requests are often still stored, so per request,
    // not per 201): what one idle core could sustain, whatever the machine's load.
    serverCpuMs: round(cpuMs, 0),
    serverCpuMsPerRequest: round(cpuMs / total, 2),
    pass: errors === 0 && percentile(latencies, 95) <= 150 && percentile(latencies, 99) <= 300,
  };
}

/**
 * `subscribers` SSE clients on `subscribeBase`; comments posted to `postBase` at `rate`/s.
 * Delivery latency is measured from the moment the PUT was sent (so it includes the commit).
 */
export async function liveDelivery(
  postBase: string,
  subscribeBase: string,
  options: { subscribers: number; rate: number; seconds: number },
) {
  const { id: sid } = await facilitatorSession(postBase, 'bench: live');
  const tokens = await joinAll(postBase, sid, 50);
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const streams: SseStream[] = [];
  for (let i = 0; i < options.subscribers; i++) {
    const stream = new SseStream(`${subscribeBase}/api/sessions/${sid}/events?after=0`);
    stream.onEvent = (event) => {
      const sent = event.data.commentId ? sentAt.get(event.data.commentId) : undefined;
      if (sent !== undefined) latencies.push(performance.now() - sent);
    };
    streams.push(stream);
  }
  // Warm-up pin: every subscriber is connected once it has it.
  const warmup = benchComment();
  while ((await putComment(postBase, sid, tokens[0]!, warmup, 30_000).catch(() => 0)) === 0);
  await Promise.all(streams.map((s) => s.until((e) => e.length >= 1, 60_000)));
  const total = options.rate * options.seconds;
  const t0 = performance.now() + 100;
  const posts: Promise<number>[] = [];
  for (let i = 0; i < total; i++) {
    await until(t0 + (i * 1000) / options.rate);
    const comment = benchComment();
    sentAt.set(comment.id, performance.now());
    posts.push(putComment(postBase, sid, tokens[i % tokens.length]!, comment).catch(() => 0));
  }
  const statuses = await Promise.all(posts);
  const expected = total + 1;
  await Promise.all(
    streams.map((s) => s.until((e) => e.length >= expected, 10_000).catch(() => {})),
  );
  const delivered = streams.reduce((sum, s) => sum + Math.min(expected, s.events.length) - 1, 0);
  const gapless = streams.every((s) => s.events.every((e, i) => e.data.seq === i + 1));
  for (const s of streams) s.close();
  return {
    subscribers: options.subscribers,
    comments: total,
    postErrors: statuses.filter((s) => s !== 201).length,
    deliveredPercent: round((100 * delivered) / (total * options.subscribers), 2),
    gaplessInOrder: gapless,
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    p99Ms: round(percentile(latencies, 99)),
    maxMs: round(Math.max(...latencies)),
  };
}

/** Every stored comment's id, following the list's pages (one page holds at most 500). */
async function storedIds(base: string, sid: string): Promise<string[]> {
  const ids: string[] = [];
  for (let after: number | null = 0; after !== null;) {
    const page = (await (
      await fetch(`${base}/api/sessions/${sid}/comments?after=${after}`)
    ).json()) as { comments: { id: string }[]; next: number | null };
    ids.push(...page.comments.map((c) => c.id));
    after = page.next;
  }
  return ids;
}

/**
 * Phones with outboxes post under load while the server is SIGKILLed and
 * restarted `kills` times. Afterwards: every acknowledged comment is stored,
 * none twice, every outbox drains.
 */
export async function killRestarts(
  start: () => Promise<ServerProcess & { readyMs: number; readyCpuMs: number }>,
  options: { phones: number; rate: number; kills: number; everyMs: number },
) {
  let server = await start();
  const base = server.base;
  const { id: sid } = await facilitatorSession(base, 'bench: kill -9');
  const tokens = await joinAll(base, sid, options.phones);
  const outboxes: Comment[][] = tokens.map(() => []);
  const acknowledged = new Set<string>();
  const generated: string[] = [];
  let generating = true;
  let stopSenders = false;

  const sender = async (phone: number) => {
    let attempt = 0;
    while (!stopSenders) {
      const next = outboxes[phone]![0];
      if (!next) {
        if (!generating) return;
        await sleep(20);
        continue;
      }
      const status = await putComment(base, sid, tokens[phone]!, next).catch(() => 0);
      if (status === 201 || status === 200) {
        acknowledged.add(next.id);
        outboxes[phone]!.shift();
        attempt = 0;
      } else {
        attempt++;
        await sleep(Math.min(2000, 100 * 2 ** attempt) * (0.5 + Math.random()));
      }
    }
  };
  const senders = tokens.map((_, i) => sender(i));
  const generator = (async () => {
    let i = 0;
    const t0 = performance.now();
    while (generating) {
      await until(t0 + (i * 1000) / options.rate);
      const comment = benchComment();
      generated.push(comment.id);
      outboxes[i % outboxes.length]!.push(comment);
      i++;
    }
  })();

  const readyMs: number[] = [];
  const readyCpuMs: number[] = [];
  for (let k = 0; k < options.kills; k++) {
    await sleep(options.everyMs);
    const killedAt = performance.now();
    await server.kill('SIGKILL');
    server = await start();
    readyMs.push(performance.now() - killedAt);
    readyCpuMs.push(server.readyCpuMs);
  }
  await sleep(options.everyMs);
  generating = false;
  await generator;
  const drainStart = performance.now();
  const drained = await Promise.race([
    Promise.all(senders).then(() => true),
    sleep(60_000).then(() => false),
  ]);
  const drainMs = performance.now() - drainStart;
  stopSenders = true;

  const stored = await storedIds(base, sid);
  const storedSet = new Set(stored);
  const lost = [...acknowledged].filter((id) => !storedSet.has(id)).length;
  await server.kill('SIGTERM');
  return {
    phones: options.phones,
    ratePerSecond: options.rate,
    kills: options.kills,
    generated: generated.length,
    acknowledged: acknowledged.size,
    stored: stored.length,
    acknowledgedLost: lost,
    duplicates: stored.length - storedSet.size,
    notStored: generated.filter((id) => !storedSet.has(id)).length,
    readyAfterKillMs: readyMs.map((x) => round(x, 0)),
    maxReadyMs: round(Math.max(...readyMs), 0),
    readyCpuMs,
    outboxesEmptyAfterMs: drained ? round(drainMs, 0) : null,
    pass:
      lost === 0 &&
      stored.length === storedSet.size &&
      Math.max(...readyMs) <= 2_000 &&
      drained &&
      drainMs <= 30_000,
  };
}

/**
 * A steady 5 comments/s with 20 live subscribers for `seconds`. From the server's own readings
 * (one a second): the median RSS of the minute after warm-up and of the last minute; and the heap
 * it retains after a full collection, taken right after each of those minutes (a collection
 * forced inside a window would shrink the heap there and bias its RSS).
 */
export async function memorySteady(
  server: ServerProcess,
  options: { rate: number; seconds: number; warmupSeconds: number },
) {
  const { id: sid } = await facilitatorSession(server.base, 'bench: memory');
  const tokens = await joinAll(server.base, sid, 60);
  const streams = Array.from(
    { length: 20 },
    () => new SseStream(`${server.base}/api/sessions/${sid}/events?after=0`),
  );
  const loadStart = server.memory().at(-1)?.at ?? 0;
  const t0 = performance.now();
  let errors = 0;
  let retainedStart: Promise<number> | null = null;
  const total = options.rate * options.seconds;
  for (let i = 0; i < total; i++) {
    await until(t0 + (i * 1000) / options.rate);
    putComment(server.base, sid, tokens[i % tokens.length]!, benchComment())
      .then((s) => s !== 201 && errors++)
      .catch(() => errors++);
    if (!retainedStart && i / options.rate >= options.warmupSeconds + 60)
      retainedStart = server.retainedHeapMb();
  }
  await sleep(1500);
  const readings = server
    .memory()
    .filter((r) => r.rssMb !== undefined)
    .map((r) => ({ ...r, at: r.at - loadStart }))
    .filter((r) => r.at >= 0 && r.at <= options.seconds);
  const retained = { start: await retainedStart!, end: await server.retainedHeapMb() };
  for (const s of streams) s.close();
  const window = (from: number) =>
    readings.filter((r) => r.at >= from && r.at < from + 60).map((r) => r.rssMb!);
  const change = (a: number, b: number) => round((100 * (b - a)) / a);
  const rss = {
    start: percentile(window(options.warmupSeconds), 50),
    end: percentile(window(options.seconds - 60), 50),
  };
  const afterWarmup = readings.filter((r) => r.at >= options.warmupSeconds).map((r) => r.rssMb!);
  return {
    ratePerSecond: options.rate,
    seconds: options.seconds,
    warmupSeconds: options.warmupSeconds,
    errors,
    rssMedianStartMb: rss.start,
    rssMedianEndMb: rss.end,
    rssChangePercent: change(rss.start, rss.end),
    rssRangeAfterWarmupMb: [Math.min(...afterWarmup), Math.max(...afterWarmup)],
    retainedHeapStartMb: retained.start,
    retainedHeapEndMb: retained.end,
    retainedHeapChangePercent: change(retained.start, retained.end),
    // Every 10th reading, for a plot.
    samples: readings
      .filter((_, i) => i % 10 === 0)
      .map(({ at, rssMb, heapUsedMb, heapTotalMb }) => ({
        at: Math.round(at),
        rssMb,
        heapUsedMb,
        heapTotalMb,
      })),
    pass:
      errors === 0 &&
      Math.abs(change(rss.start, rss.end)) <= 10 &&
      Math.abs(change(retained.start, retained.end)) <= 10,
  };
}

/**
 * Readers against writers (issue 20.6): a session of `comments` comments, then
 * `readers` clients loading the whole list page by page in a loop while
 * `rate` comments/s are written and /api/health is polled. Reports write p95,
 * health p95 and how long a full list load took.
 */
export async function readersAndWriters(
  server: ServerProcess,
  options: { comments: number; readers: number; rate: number; seconds: number },
) {
  const base = server.base;
  const { id: sid } = await facilitatorSession(base, 'bench: readers');
  // Seed with many devices, each within its burst of 10 (and all within one address's 400 joins).
  const seeders = await joinAll(base, sid, Math.ceil(options.comments / 10));
  for (let i = 0; i < options.comments; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, options.comments - i) }, (_, j) =>
        putComment(base, sid, seeders[Math.floor((i + j) / 10)]!, benchComment(), 30_000),
      ),
    );
  }
  const writers = await joinAll(base, sid, 50);
  const end = performance.now() + options.seconds * 1000;
  const listLoads: number[] = [];
  let pages = 0;
  let listBytes = 0;
  const reader = async () => {
    while (performance.now() < end) {
      const start = performance.now();
      for (let after: number | null = 0; after !== null;) {
        const response: Response = await fetch(
          `${base}/api/sessions/${sid}/comments?after=${after}`,
        );
        const text: string = await response.text();
        listBytes += text.length;
        pages++;
        after = (JSON.parse(text) as { next: number | null }).next;
      }
      listLoads.push(performance.now() - start);
    }
  };
  const writes: number[] = [];
  const statuses = new Map<number, number>();
  const writer = async () => {
    const t0 = performance.now();
    for (let i = 0; performance.now() < end; i++) {
      await until(t0 + (i * 1000) / options.rate);
      const start = performance.now();
      void putComment(base, sid, writers[i % writers.length]!, benchComment())
        .catch(() => 0)
        .then((status) => {
          writes.push(performance.now() - start);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        });
    }
  };
  const health: number[] = [];
  const healthPoll = async () => {
    while (performance.now() < end) {
      const start = performance.now();
      await fetch(`${base}/api/health`).then((r) => r.arrayBuffer());
      health.push(performance.now() - start);
      await sleep(100);
    }
  };
  await Promise.all([...Array.from({ length: options.readers }, reader), writer(), healthPoll()]);
  await sleep(2000); // the last writes answer
  return {
    comments: options.comments,
    readers: options.readers,
    writeRatePerSecond: options.rate,
    seconds: options.seconds,
    writes: writes.length,
    writeStatuses: Object.fromEntries(statuses),
    writeP50Ms: round(percentile(writes, 50)),
    writeP95Ms: round(percentile(writes, 95)),
    healthP95Ms: round(percentile(health, 95)),
    fullListLoads: listLoads.length,
    fullListP95Ms: round(percentile(listLoads, 95)),
    pagesServed: pages,
    kbPerPage: round(listBytes / Math.max(1, pages) / 1024),
  };
}
