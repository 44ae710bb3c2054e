import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';

/**
 * The embedded database's folder must exist and be writable before anything
 * else happens there. When it is not, say what is wrong and how to fix it,
 * instead of a raw EACCES stack trace from deep inside the database.
 */

export class DataDirError extends Error {
  constructor(
    readonly dir: string,
    readonly code: string,
    detail: string,
  ) {
    super(`The server cannot use its data folder ${dir}: ${detail}`);
    this.name = 'DataDirError';
  }
}

const CHOOSE = 'or choose another folder: DATA_DIR=/path/to/folder npm start';

function whoAmI(): string {
  try {
    return userInfo().username;
  } catch {
    return `uid ${process.getuid?.()}`;
  }
}

/** Turns a file-system error about the data folder into a DataDirError that says what to do, or null. */
export function dataDirError(dir: string, error: unknown): DataDirError | null {
  const { code, path } = (error ?? {}) as NodeJS.ErrnoException;
  const where = path && path !== dir ? ` (at ${path})` : '';
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return new DataDirError(
        dir,
        code,
        `permission denied${where}. Let the user running the server (${whoAmI()}) write there, ` +
          `e.g. sudo chown -R ${whoAmI()} ${dir}, ${CHOOSE}.`,
      );
    case 'EROFS':
      return new DataDirError(dir, code, `it is on a read-only file system. ${cap(CHOOSE)}.`);
    case 'ENOTDIR':
    case 'EEXIST':
      return new DataDirError(
        dir,
        code,
        `${path ?? dir} is a file, not a folder. Move the file away, ${CHOOSE}.`,
      );
    case 'ENOSPC':
      return new DataDirError(dir, code, `the disk is full. Free some space, ${CHOOSE}.`);
    default:
      // Anything else the file system says (a read-only mount can answer ENOENT to mkdir): name it plainly.
      return typeof code === 'string'
        ? new DataDirError(
            dir,
            code,
            `the file system refused it (${code})${where}. ${cap(CHOOSE)}.`,
          )
        : null;
  }
}

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** Creates the folder if needed and proves it writable; throws DataDirError otherwise. */
export function prepareDataDir(dir: string): void {
  const probe = join(dir, `.write-test-${process.pid}`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (error) {
    throw dataDirError(dir, error) ?? error;
  }
}
