import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { createComment, type Comment } from '../../src/lib/comments/schema';
import { CSRF_HEADER, DEVICE_HEADER, type Session } from '../../src/lib/consultation/api';
import { cookiesFrom } from '../../src/server/testing/cookies';

/**
 * The benchmark's parts: a real server process (the built dist-server/main.js
 * that `npm start` runs), phones that talk to it over loopback HTTP, and
 * percentiles. Everything goes to 127.0.0.1 only.
 */

export const PASSWORD = 'bench-password-123';
const ROOT = new URL('../..', import.meta.url).pathname;

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface ServerProcess {
  base: string;
  child: ChildProcess;
  /** RSS in MB from /proc. */
  rssMb(): number;
  /** CPU time (user + system) used so far, in ms, from /proc: independent of how busy the machine is. */
  cpuMs(): number;
  /** The server's own memory readings, one a second since it started (bench/server/memoryProbe.ts). */
  memory(): MemoryReading[];
  /** The heap the server retains after a full collection, in MB. */
  retainedHeapMb(): Promise<number>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export interface MemoryReading {
  at: number;
  rssMb?: number;
  heapUsedMb?: number;
  heapTotalMb?: number;
  /** The heap in use right after a full collection (written on SIGUSR2). */
  retainedMb?: number;
}

export async function startServer(options: {
  port: number;
  dataDir?: string;
  databaseUrl?: string;
  /** Serve the built app (dist/) too, for a browser; the API alone otherwise. */
  app?: boolean;
}): Promise<ServerProcess & { readyMs: number; readyCpuMs: number }> {
  const started = performance.now();
  const probeDir = mkdtempSync(join(os.tmpdir(), 'lh-bench-memory-'));
  const probeFile = join(probeDir, 'memory.jsonl');
  const child = spawn(
    process.execPath,
    // The built server `npm start` runs (run.ts builds it when stale), with the memory probe.
    [
      '--expose-gc',
      '--import',
      './bench/server/memoryProbe.js',
      'dist-server/main.js',
      ...(options.app ? [] : ['--api-only']),
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(options.port),
        HOST: '127.0.0.1',
        DATA_DIR: options.dataDir ?? '',
        DATABASE_URL: options.databaseUrl ?? '',
        FACILITATOR_PASSWORD: PASSWORD,
        MEMORY_PROBE_FILE: probeFile,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  const base = `http://127.0.0.1:${options.port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => rmSync(probeDir, { recursive: true, force: true }));
  const readMemory = (): MemoryReading[] =>
    existsSync(probeFile)
      ? readFileSync(probeFile, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as MemoryReading)
      : [];
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
    try {
      const response = await fetch(`${base}/api/health`);
      if (response.ok) break;
    } catch {
      // not yet
    }
    await sleep(50);
  }
  return {
    base,
    child,
    readyMs: performance.now() - started,
    // CPU time to ready: what a start costs, whatever else the machine is doing.
    readyCpuMs: cpuOfTree(child.pid!),
    rssMb() {
      return rssOfTree(child.pid!) / 1024;
    },
    cpuMs() {
      return cpuOfTree(child.pid!);
    },
    async retainedHeapMb() {
      const retained = () => readMemory().filter((r) => r.retainedMb !== undefined);
      const before = retained().length;
      process.kill(child.pid!, 'SIGUSR2');
      while (retained().length === before) await sleep(50);
      return retained()[before]!.retainedMb!;
    },
    memory: readMemory,
    async kill(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode !== null) return;
      killTree(child.pid!, signal);
      await exited;
    },
  };
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

function treeOf(pid: number): number[] {
  return [pid, ...childrenOf(pid).flatMap(treeOf)];
}

function rssOfTree(pid: number): number {
  let kb = 0;
  for (const p of treeOf(pid)) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return kb;
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

function cpuOfTree(pid: number): number {
  let ticks = 0;
  for (const p of treeOf(pid)) {
    try {
      const fields = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      // gone
    }
  }
  return ticks * TICK_MS;
}

/** Signals the server and anything it started. */
function killTree(pid: number, signal: NodeJS.Signals) {
  for (const p of treeOf(pid).reverse()) {
    try {
      process.kill(p, signal);
    } catch {
      // gone
    }
  }
}

export async function facilitatorSession(base: string, title: string): Promise<Session> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: base },
    body: JSON.stringify({ password: PASSWORD }),
  });
  if (!login.ok) throw new Error(`login ${login.status}`);
  const cookie = cookiesFrom(login);
  const { csrf } = (await login.json()) as { csrf: string };
  const response = await fetch(`${base}/api/sessions`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Origin: base,
      Cookie: cookie,
      [CSRF_HEADER]: csrf,
    },
    body: JSON.stringify({ title }),
  });
  return (await response.json()) as Session;
}

export async function joinDevice(base: string, sid: string): Promise<string> {
  const response = await fetch(`${base}/api/sessions/${sid}/devices`, { method: 'POST' });
  return ((await response.json()) as { token: string }).token;
}

let n = 0;
export function benchComment(): Comment {
  n++;
  return createComment({
    kind: (['support', 'concern', 'idea', 'question'] as const)[n % 4]!,
    text: `压测评论 ${n}`,
    lon: 121.1 + (n % 100) * 1e-3,
    lat: 28.85,
  });
}

export async function putComment(
  base: string,
  sid: string,
  token: string,
  comment: Comment,
  timeoutMs = 5000,
): Promise<number> {
  const response = await fetch(`${base}/api/sessions/${sid}/comments/${comment.id}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', [DEVICE_HEADER]: token },
    body: JSON.stringify(comment),
    signal: AbortSignal.timeout(timeoutMs),
  });
  await response.arrayBuffer();
  return response.status;
}
