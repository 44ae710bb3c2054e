import { DEVICE_HEADER } from '../../src/lib/consultation/api';
import { SseStream } from '../../src/server/testing/sse';
import {
  benchComment,
  facilitatorSession,
  joinDevice,
  percentile,
  putComment,
  round,
  sleep,
} from './harness';

/**
 * 附议 under load (issue 21): `rate` supports/s, open loop, from `phones`
 * devices onto `comments` comments written by some of them, while `listeners`
 * screens follow the live feed. Each device seconds comments it did not write,
 * each pair once; latency from send to response. Target: p95 ≤ 150 ms at 50/s
 * from 300 devices.
 */
export async function supportLoad(
  base: string,
  options: { phones: number; comments: number; rate: number; seconds: number; listeners: number },
) {
  const { id: sid } = await facilitatorSession(base, 'bench: 附议');
  const tokens = await Promise.all(
    Array.from({ length: options.phones }, () => joinDevice(base, sid)),
  );
  const ids: string[] = [];
  for (let i = 0; i < options.comments; i++) {
    const comment = benchComment();
    const status = await putComment(base, sid, tokens[i % tokens.length]!, comment);
    if (status !== 201) throw new Error(`seeding comment ${i}: ${status}`);
    ids.push(comment.id);
  }
  const streams = Array.from(
    { length: options.listeners },
    () => new SseStream(`${base}/api/sessions/${sid}/events?after=0`),
  );
  await Promise.all(streams.map((s) => s.until((e) => e.length >= options.comments, 60_000)));

  const total = options.rate * options.seconds;
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const t0 = performance.now() + 200;
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const at = t0 + (i * 1000) / options.rate;
    const wait = at - performance.now();
    if (wait > 0) await sleep(wait);
    const phone = i % options.phones;
    const round_ = Math.floor(i / options.phones);
    // Comment k was written by device k % phones; skip to the next one when it is this device's own.
    let k = (phone + 1 + round_ * 7) % options.comments;
    if (k % options.phones === phone) k = (k + 1) % options.comments;
    inflight.push(
      (async () => {
        const start = performance.now();
        const status = await fetch(`${base}/api/sessions/${sid}/comments/${ids[k]}/support`, {
          method: 'PUT',
          headers: { [DEVICE_HEADER]: tokens[phone]! },
          signal: AbortSignal.timeout(5000),
        })
          .then(async (r) => (await r.arrayBuffer(), r.status))
          .catch(() => 0);
        latencies.push(performance.now() - start);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      })(),
    );
  }
  await Promise.all(inflight);
  // Every support event reached every listener.
  const expected = options.comments + (statuses.get(201) ?? 0);
  await Promise.all(
    streams.map((s) => s.until((e) => e.length >= expected, 10_000).catch(() => {})),
  );
  const delivered = streams.every((s) => s.events.length >= expected);
  for (const s of streams) s.close();
  const errors = total - (statuses.get(201) ?? 0) - (statuses.get(200) ?? 0);
  return {
    phones: options.phones,
    comments: options.comments,
    ratePerSecond: options.rate,
    seconds: options.seconds,
    listeners: options.listeners,
    sent: total,
    errors,
    statuses: Object.fromEntries(statuses),
    everyEventDelivered: delivered,
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    p99Ms: round(percentile(latencies, 99)),
    maxMs: round(Math.max(...latencies)),
    pass: errors === 0 && delivered && percentile(latencies, 95) <= 150,
  };
}
