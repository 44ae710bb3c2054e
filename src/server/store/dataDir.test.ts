import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirError, prepareDataDir } from './dataDir';

/** A data folder the server cannot use ends in what is wrong and how to fix it, not a stack trace. */

const root = mkdtempSync(join(tmpdir(), 'lh-datadir-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const asRoot = process.getuid?.() === 0;
/** As root the server runs as `nobody`, who must be able to read this checkout (a clone in a 0700 temp folder is root's alone). */
const nobodyCanRun =
  !asRoot ||
  spawnSync('runuser', [
    '-u',
    'nobody',
    '--',
    'test',
    '-r',
    join(process.cwd(), 'src/server/main.ts'),
  ]).status === 0;

/**
 * `npm start`'s server on DATA_DIR as a user who may not write there: a folder of root's for
 * `nobody` when the tests run as root (root writes through any mode bits), else a read-only one.
 */
function startWithout(
  dataDir: string,
  user: 'me' | 'nobody' = asRoot ? 'nobody' : 'me',
): Promise<{ code: number | null; output: string }> {
  const server = [process.execPath, '--import', 'tsx', 'src/server/main.ts', '--api-only'];
  const [command, ...args] =
    user === 'nobody' ? ['runuser', '-u', 'nobody', '--', ...server] : server;
  return new Promise((resolve) => {
    const child = spawn(command!, args, {
      env: { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: '' },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('data folder errors', () => {
  it.runIf(nobodyCanRun)(
    'says the folder is not writable, by whom, and how to fix it',
    async () => {
      const dir = join(root, 'readonly');
      prepareDataDir(dir);
      chmodSync(root, 0o755);
      chmodSync(dir, asRoot ? 0o755 : 0o555);
      const { code, output } = await startWithout(dir);
      expect(code).toBe(2);
      expect(output).toContain(`The server cannot use its data folder ${dir}: permission denied`);
      expect(output).toContain(`sudo chown -R ${asRoot ? 'nobody' : ''}`);
      expect(output).toContain('DATA_DIR=');
      expect(output).not.toContain('EACCES');
      expect(output).not.toMatch(/^\s+at /m); // no stack trace
    },
    120_000,
  );

  // Root writes through any mode bits, but not onto a read-only file system.
  it.runIf(asRoot)(
    'says the folder is on a read-only file system and what to do',
    async () => {
      const dir = mkdtempSync(join(root, 'ro-'));
      const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', dir]);
      expect(mounted.status, String(mounted.stderr)).toBe(0);
      try {
        const { code, output } = await startWithout(dir, 'me');
        expect(code).toBe(2);
        expect(output).toContain('read-only file system');
        expect(output).toContain('DATA_DIR=');
        expect(output).not.toContain('EROFS');
        expect(output).not.toMatch(/^\s+at /m); // no stack trace
        // A folder still to be made on it: the mount answers ENOENT, which is named, not thrown.
        const below = await startWithout(join(dir, 'data'), 'me');
        expect(below.code).toBe(2);
        expect(below.output).toContain(
          `The server cannot use its data folder ${join(dir, 'data')}`,
        );
        expect(below.output).not.toMatch(/^\s+at /m);
      } finally {
        spawnSync('umount', [dir]);
      }
    },
    120_000,
  );

  it('says when a part of the path is a file, not a folder', () => {
    const file = join(root, 'a-file');
    writeFileSync(file, 'not a folder');
    const error = (() => {
      try {
        prepareDataDir(join(file, 'data'));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DataDirError);
    expect((error as Error).message).toContain(`${file}/data is a file, not a folder`);
  });
});
