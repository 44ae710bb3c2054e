import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The real consultation server for e2e tests, started the way `npm start`
 * starts it (the built dist-server/main.js, which the suite's global setup
 * builds when stale) on a free loopback port with its own
 * temporary DATA_DIR, serving the production build in dist/. `kill('SIGKILL')`
 * crashes it; `start()` again brings it back on the same port and data.
 */

export const FACILITATOR_PASSWORD = 'e2e-facilitator-password';

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export class TestServer {
  process: ChildProcess | null = null;
  output = '';
  readonly dataDir: string;

  constructor(
    readonly port: number,
    readonly env: Record<string, string> = {},
    dataDir?: string,
  ) {
    this.dataDir = dataDir ?? mkdtempSync(join(tmpdir(), 'linhai-e2e-data-'));
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Start and wait until /api/health answers (PGlite's cold open takes seconds on a busy machine). */
  async start(): Promise<void> {
    const child = spawn(process.execPath, ['dist-server/main.js'], {
      env: {
        ...process.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        DATA_DIR: this.dataDir,
        FACILITATOR_PASSWORD,
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.process = child;
    child.stdout?.on('data', (chunk) => (this.output += String(chunk)));
    child.stderr?.on('data', (chunk) => (this.output += String(chunk)));
    // Generous: a cold PGlite open on two shared, busy cores has taken over a minute.
    const deadline = Date.now() + 180_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) {
        throw new Error(`the server exited (${child.exitCode}):\n${this.output}`);
      }
      try {
        const response = await fetch(`${this.url}/api/health`);
        if (response.ok) return;
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`the server did not answer within 180 s:\n${this.output}`);
  }

  /** Stop it: SIGKILL is a crash (no clean shutdown), SIGTERM a clean stop. Resolves once it is gone. */
  async kill(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await gone;
    this.process = null;
  }

  async dispose(): Promise<void> {
    await this.kill('SIGTERM');
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
