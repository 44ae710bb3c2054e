import { DEVICE_HEADER } from '../../src/lib/consultation/api';
import { reportPath } from '../../src/lib/consultation/report';
import { cookiesFrom } from '../../src/server/testing/cookies';
import { joinDevice, PASSWORD, percentile, round, type ServerProcess } from './harness';
import { reportInBrowser } from './reportBrowser';
import type { ReportSeed } from './reportSeed';

/**
 * The report of a 20,000-comment session (issue 22; session seeded by
 * reportSeed.ts): its JSON from the API, public and facilitator's, `requests`
 * times each, both unchanged since the last read (`repeat`) and right after a
 * change to the session (`afterChange`: a 附议 given or withdrawn before each
 * read, so nothing read before can be reused); then the page `#report=<sid>`
 * in Chromium and printed to PDF (reportBrowser.ts). Targets: JSON ≤ 500 ms,
 * rendered ≤ 3 s.
 */
export async function reportLoad(
  server: ServerProcess,
  seed: ReportSeed,
  options: { requests: number; renders: number; print: boolean },
) {
  const { base } = server;
  const { sid } = seed;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: base },
    body: JSON.stringify({ password: PASSWORD }),
  });
  if (!login.ok) throw new Error(`login ${login.status}`);
  const cookie = cookiesFrom(login);

  // Phones that toggle their 附议 on one comment: each toggle is a change (a new lastSeq). Each
  // phone gives and withdraws 4 times, within a device's burst (LIMIT_DEVICE_BURST, 10), then the next.
  const PER_PHONE = 8;
  const tokens: string[] = [];
  for (let i = 0; i < Math.ceil((2 * options.requests) / PER_PHONE); i++)
    tokens.push(await joinDevice(base, sid));
  const page = (await (await fetch(`${base}/api/sessions/${sid}/comments?limit=1`)).json()) as {
    comments: { id: string }[];
  };
  const target = page.comments[0]!.id;
  let toggles = 0;
  const change = async () => {
    const on = toggles % 2 === 0;
    const token = tokens[Math.floor(toggles / PER_PHONE) % tokens.length]!;
    toggles++;
    const response = await fetch(`${base}/api/sessions/${sid}/comments/${target}/support`, {
      method: on ? 'PUT' : 'DELETE',
      headers: { [DEVICE_HEADER]: token },
    });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`support ${response.status}`);
  };

  const read = async (headers: Record<string, string>) => {
    const start = performance.now();
    const response = await fetch(`${base}${reportPath.json(sid)}`, { headers });
    const body = await response.arrayBuffer();
    if (!response.ok) throw new Error(`report ${response.status}`);
    return { ms: performance.now() - start, bytes: body.byteLength, text: body };
  };

  const measure = async (headers: Record<string, string>, changeFirst: boolean) => {
    const times: number[] = [];
    let bytes = 0;
    let rows = 0;
    const cpuBefore = server.cpuMs();
    for (let i = 0; i < options.requests; i++) {
      if (changeFirst) await change();
      const { ms, bytes: size, text } = await read(headers);
      times.push(ms);
      bytes = size;
      if (i === 0) rows = (JSON.parse(new TextDecoder().decode(text)) as { rows: [] }).rows.length;
    }
    return {
      requests: options.requests,
      rows,
      bytes,
      firstMs: round(times[0]!),
      p50Ms: round(percentile(times, 50)),
      p95Ms: round(percentile(times, 95)),
      maxMs: round(Math.max(...times)),
      // The server's own CPU per read (a 附议 toggle included in afterChange): machine load aside.
      serverCpuMsPerRequest: round((server.cpuMs() - cpuBefore) / options.requests, 1),
    };
  };

  // The first read after the server started: nothing kept yet, every comment read from the database.
  const coldCpu = server.cpuMs();
  const cold = await read({});
  const json = {
    cold: { ms: round(cold.ms), serverCpuMs: round(server.cpuMs() - coldCpu, 1) },
    public: {
      afterChange: await measure({}, true),
      repeat: await measure({}, false),
    },
    facilitator: {
      afterChange: await measure({ Cookie: cookie }, true),
      repeat: await measure({ Cookie: cookie }, false),
    },
  };
  // renders 0: the JSON only (the page is measured on its own).
  const browser =
    options.renders > 0
      ? await reportInBrowser(base, sid, {
          renders: options.renders,
          print: options.print,
          cookie,
          expectedRows: seed.tableRows,
        })
      : null;
  const p95 = Math.max(json.public.afterChange.p95Ms, json.facilitator.afterChange.p95Ms);
  return {
    seed,
    json,
    browser,
    targets: {
      jsonP95Ms: p95,
      jsonWithin500Ms: p95 <= 500,
      renderedWithin3s: browser ? browser.public.p95Ms <= 3000 : null,
    },
  };
}
