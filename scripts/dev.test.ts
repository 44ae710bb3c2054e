import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../src/server/testing/postgresCluster';

const repo = resolve(import.meta.dirname, '..');

// `npm run dev`: Vite's dev server with the API behind its /api proxy, both started and both
// stopped by one command. A developer who presses Ctrl-C must not leave an API server holding
// the data folder's lock.
describe('npm run dev', () => {
  const dataDir = mkdtempSync(join(os.tmpdir(), 'lh-dev-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves the app and the API on one port, and Ctrl-C stops both', async () => {
    const [vitePort, apiPort] = [await freePort(), await freePort()];
    const dev = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/dev.ts', '--port', String(vitePort), '--strictPort'],
      {
        cwd: repo,
        env: { ...process.env, DATA_DIR: dataDir, API_PORT: String(apiPort) },
        stdio: 'ignore',
      },
    );
    const exited = new Promise<number | null>((done) => dev.once('exit', (code) => done(code)));
    const base = `http://127.0.0.1:${vitePort}`;
    try {
      let health: { ok: boolean; database: string } | null = null;
      for (let i = 0; i < 240 && !health; i++) {
        health = await fetch(`${base}/api/health`)
          .then((r) => (r.ok ? r.json() : null))
          .catch(() => null);
        if (!health) await new Promise((r) => setTimeout(r, 250));
      }
      expect(health).toMatchObject({ ok: true, database: 'pglite' });
      const page = await fetch(`${base}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="app"');
      expect(existsSync(join(dataDir, 'server.lock'))).toBe(true);
    } finally {
      dev.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    // Both are gone, and the API server let go of the data folder's lock.
    expect(await fetch(`${base}/`).catch(() => null)).toBeNull();
    await expect
      .poll(() => fetch(`http://127.0.0.1:${apiPort}/api/health`).catch(() => null))
      .toBeNull();
    await expect.poll(() => existsSync(join(dataDir, 'server.lock'))).toBe(false);
  }, 120_000);
});
