import { createHash } from 'node:crypto';
import { lstatSync, realpathSync, unlinkSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { join, relative } from 'node:path';

/**
 * PGlite takes no lock of its own and two processes on one data folder corrupt
 * it, so the server holds a lock the kernel lets go of when its holder dies: a
 * Unix socket bound at DATA_DIR/server.lock. Binding fails while the socket
 * file exists; a connect then tells a living holder (it answers who it is)
 * from a dead one's leftover file (refused: a crash or kill -9), which is
 * removed and bound again. A PID in a file could not tell: after a container
 * restart the PID belongs to another process, and a killed server's PID lives
 * on as a zombie until its parent reaps it.
 */

export interface LockHolder {
  pid: number;
  command: string;
  startedAt: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: LockHolder | null,
  ) {
    const who = holder
      ? `process ${holder.pid} (${holder.command}), running since ${holder.startedAt}`
      : 'a process that does not answer';
    const stop = holder
      ? `Stop that server first (Ctrl-C in its window, or kill ${holder.pid})`
      : 'Stop that server first';
    super(
      `The data folder ${dir} is in use by another server: ${who}. ` +
        `${stop}, or give this one another folder with DATA_DIR=…. ` +
        `The embedded database allows one server per folder; use DATABASE_URL (PostgreSQL) to run several.`,
    );
    this.name = 'DataDirLockedError';
  }
}

export const LOCK_FILE = 'server.lock';
/** sun_path holds 108 bytes on Linux, 104 on macOS. */
const MAX_SOCKET_PATH = 100;

/**
 * Where the lock lives: the socket file in the folder (by a shorter relative path when the
 * absolute one is too long for a socket address); on Windows a named pipe, and on Linux an
 * abstract socket, named after the folder, when no file path fits.
 */
function lockAddress(dir: string): { address: string; file: string | null } {
  const file = join(dir, LOCK_FILE);
  const name = () =>
    `linhai-plan-map-${createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32)}`;
  if (process.platform === 'win32') return { address: `\\\\.\\pipe\\${name()}`, file: null };
  if (Buffer.byteLength(file) <= MAX_SOCKET_PATH) return { address: file, file };
  const short = relative(process.cwd(), file);
  if (Buffer.byteLength(short) <= MAX_SOCKET_PATH) return { address: short, file };
  if (process.platform === 'linux') return { address: `\0${name()}`, file: null };
  throw new Error(
    `The data folder's path is too long for its lock (${file}); choose a shorter DATA_DIR.`,
  );
}

function listen(address: string, holder: LockHolder): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer((socket) => socket.end(JSON.stringify(holder) + '\n'));
    server.once('error', reject);
    server.listen(address, () => {
      server.off('error', reject);
      server.unref(); // the lock never keeps the process alive
      resolve(server);
    });
  });
}

/** Asks the socket who holds it: the holder, or 'stale' when nobody listens any more. */
function ask(address: string): Promise<LockHolder | null | 'stale'> {
  return new Promise((resolve) => {
    let answer = '';
    const socket = createConnection(address);
    socket.setTimeout(1000, () => {
      socket.destroy();
      resolve(null); // connected but silent: alive, yet not telling
    });
    socket.on('data', (chunk) => (answer += String(chunk)));
    socket.on('end', () => {
      try {
        resolve(JSON.parse(answer) as LockHolder);
      } catch {
        resolve(null);
      }
    });
    socket.on('error', (error: NodeJS.ErrnoException) =>
      // ECONNREFUSED: a socket file nobody listens on (or an old lock that is a plain file).
      resolve(error.code === 'ECONNREFUSED' || error.code === 'ENOENT' ? 'stale' : null),
    );
  });
}

const inode = (file: string) => {
  try {
    return lstatSync(file).ino;
  } catch {
    return null;
  }
};

/**
 * Takes the folder's lock (the folder must exist); resolves to a function that releases it.
 * Rejects with DataDirLockedError while another living process holds it.
 */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  const { address, file } = lockAddress(dir);
  const me: LockHolder = {
    pid: process.pid,
    command: process.argv
      .slice(1)
      .map((arg) => relative(process.cwd(), arg) || arg)
      .join(' ')
      .slice(0, 200),
    startedAt: new Date().toISOString(),
  };
  let silent = 0;
  for (let attempt = 0; attempt < 10; attempt++) {
    try {
      const server = await listen(address, me);
      return () => new Promise<void>((resolve) => server.close(() => resolve()));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    }
    const seen = file ? inode(file) : null;
    const holder = await ask(address);
    if (holder === null) {
      // Connected but no answer: a holder that is dying (its last threads still hold the socket
      // for a moment after a SIGKILL) or stopped. Ask again before calling it alive.
      if (++silent >= 3) throw new DataDirLockedError(dir, null);
      await new Promise((resolve) => setTimeout(resolve, 300));
      continue;
    }
    if (holder !== 'stale') throw new DataDirLockedError(dir, holder);
    // Left by a server that died. Remove it only if it is still the same file, so two servers
    // starting at once cannot remove each other's fresh lock.
    if (file && inode(file) === seen) {
      try {
        unlinkSync(file);
      } catch {
        // someone else removed it first
      }
    }
  }
  throw new Error(`Could not take the lock ${file ?? address}; try again.`);
}
