import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './lock';

/**
 * One server per embedded data folder: a second one must refuse, saying who holds the folder;
 * a dead holder's lock is free at once, whatever happened to its PID.
 */

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'lh-lock-'));
  dirs.push(dir);
  return dir;
};
const started: ChildProcess[] = [];
const holders: number[] = [];
afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const pid of holders.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function runServer(dataDir: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', '--api-only'], {
      env: { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: '' },
    });
    started.push(child);
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

const HOLD = `import { lockDataDir } from './src/server/store/lock.ts';
await lockDataDir(process.argv[1]);
console.log('locked');
setInterval(() => {}, 60_000);`;

/**
 * A real process holding the lock, started by a shell that then becomes `sleep` and never
 * reaps it: after a SIGKILL the holder stays a zombie, its PID still in the process table, as
 * when a killed server's parent has not yet collected it.
 */
async function holder(dir: string): Promise<number> {
  const shell = spawn(
    'sh',
    [
      '-c',
      `"${process.execPath}" --import tsx --input-type=module -e "$0" "$1" & echo $!; exec sleep 120`,
      HOLD,
      dir,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  started.push(shell);
  let out = '';
  shell.stdout.on('data', (d) => (out += d));
  await expect.poll(() => out.includes('locked'), { timeout: 60_000, interval: 100 }).toBe(true);
  const pid = Number(out.split('\n')[0]);
  holders.push(pid);
  return pid;
}

const stateOf = (pid: number) => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]![0];

describe('data folder lock', () => {
  it('makes a second server on a held DATA_DIR refuse, naming the process and the folder', async () => {
    const dir = tempDir();
    const pid = await holder(dir);
    const { code, output } = await runServer(dir);
    expect(code).toBe(2);
    expect(output).toContain(`The data folder ${dir} is in use by another server: process ${pid}`);
    expect(output).toContain(`kill ${pid}`);
    expect(output).toContain('DATA_DIR');
    expect(output).toContain('DATABASE_URL');
    expect(output).not.toMatch(/^\s+at /m); // a message, not a stack trace
    await expect(lockDataDir(dir)).rejects.toBeInstanceOf(DataDirLockedError);
  }, 120_000);

  it('is free at once after its holder is killed with SIGKILL, while the PID still exists', async () => {
    const dir = tempDir();
    const pid = await holder(dir);
    process.kill(pid, 'SIGKILL');
    await expect.poll(() => stateOf(pid), { timeout: 10_000, interval: 20 }).toBe('Z');
    expect(() => process.kill(pid, 0)).not.toThrow(); // a PID check would still see it "alive"
    expect(existsSync(join(dir, 'server.lock'))).toBe(true); // and its socket file is left behind
    const release = await lockDataDir(dir);
    await release();
  }, 120_000);

  it('does not let an old lock file naming a living, unrelated process block the start', async () => {
    const dir = tempDir();
    const unrelated = spawn('sleep', ['60']);
    started.push(unrelated);
    // The lock file of earlier versions: a PID, here one a container restart gave to another program.
    writeFileSync(join(dir, 'server.lock'), String(unrelated.pid));
    const release = await lockDataDir(dir);
    await expect(lockDataDir(dir)).rejects.toThrow(`process ${process.pid}`);
    await release();
  });

  it('refuses a second lock in the same process, and is free again once released', async () => {
    const dir = tempDir();
    const release = await lockDataDir(dir);
    await expect(lockDataDir(dir)).rejects.toBeInstanceOf(DataDirLockedError);
    await release();
    expect(existsSync(join(dir, 'server.lock'))).toBe(false); // a clean stop leaves nothing
    await (
      await lockDataDir(dir)
    )();
  });
});
