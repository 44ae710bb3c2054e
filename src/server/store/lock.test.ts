import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './lock';

/** One server per embedded data folder: a second one must refuse, clearly; a crashed one's lock is taken over. */

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'lh-lock-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function runServer(dataDir: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['node_modules/tsx/dist/cli.mjs', 'src/server/main.ts', '--api-only'],
      {
        env: { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: '' },
      },
    );
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('data folder lock', () => {
  it('makes a second server on the same DATA_DIR refuse with a clear error', async () => {
    const dir = tempDir();
    const release = lockDataDir(dir); // this test process is the running server
    try {
      const { code, output } = await runServer(dir);
      expect(code).toBe(2);
      expect(output).toContain(`in use by another server (process ${process.pid})`);
      expect(output).toContain('DATABASE_URL');
      expect(readFileSync(join(dir, 'server.lock'), 'utf8')).toBe(String(process.pid)); // still ours
    } finally {
      release();
    }
  }, 60_000);

  it('refuses a second lock in the same process too', () => {
    const dir = tempDir();
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    release();
    lockDataDir(dir)(); // free again once released
  });

  it('takes over the lock of a server that died (kill -9 leaves its file behind)', async () => {
    const dir = tempDir();
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => dead.on('exit', resolve));
    writeFileSync(join(dir, 'server.lock'), String(dead.pid));
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, 'server.lock'), 'utf8')).toBe(String(process.pid));
    release();
  });
});
