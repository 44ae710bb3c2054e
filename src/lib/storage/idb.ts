/**
 * Small promise helpers over the raw IndexedDB API, and the mapping of its
 * failures to one typed error the UI can act on.
 */

/** Why storage failed, in terms the UI can act on. */
export type StorageErrorKind =
  /** The disk quota is full: offer an export before anything else. */
  | 'quota'
  /** No IndexedDB (very old browser, some private modes, blocked by policy). */
  | 'unavailable'
  /** Another tab holds an older version of the database open. */
  | 'blocked'
  /** The database was written by a newer version of the app. */
  | 'version'
  /** A record failed validation before it was written. */
  | 'invalid'
  | 'unknown';

export class StorageError extends Error {
  override name = 'StorageError';
  constructor(
    readonly kind: StorageErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Map anything IndexedDB throws or reports to a StorageError (idempotent). */
export function toStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const name =
    typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  const message = error instanceof Error ? error.message : String(error);
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  // Firefox once reported NS_ERROR_DOM_QUOTA_REACHED; legacy DOMException code 22 is QUOTA_EXCEEDED_ERR.
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22) {
    return new StorageError('quota', 'Local storage is full.', { cause: error });
  }
  if (name === 'VersionError') {
    return new StorageError(
      'version',
      'The local database was written by a newer version of this app.',
      { cause: error },
    );
  }
  if (name === 'InvalidStateError' || name === 'SecurityError' || name === 'UnknownError') {
    return new StorageError('unavailable', `Local storage is unavailable (${name}: ${message}).`, {
      cause: error,
    });
  }
  return new StorageError('unknown', message || 'Local storage failed.', { cause: error });
}

/** The result of a request, or a StorageError. */
export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(toStorageError(req.error));
  });
}

/** Resolves when the transaction commits; rejects with a StorageError if it aborts. */
export function transactionDone(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () =>
      reject(
        toStorageError(tx.error ?? new DOMException('The transaction was aborted.', 'AbortError')),
      );
  });
}

/**
 * Run `fn` in a transaction and wait for it to commit. If `fn` throws, the
 * transaction is aborted and nothing it did is kept.
 */
export async function inTransaction<T>(
  db: IDBDatabase,
  stores: string | string[],
  mode: IDBTransactionMode,
  fn: (tx: IDBTransaction) => T | Promise<T>,
  options?: IDBTransactionOptions,
): Promise<T> {
  let tx: IDBTransaction;
  try {
    tx = db.transaction(stores, mode, options);
  } catch (error) {
    throw toStorageError(error);
  }
  const done = transactionDone(tx);
  let result: T;
  try {
    result = await fn(tx);
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted.
    }
    // Prefer the transaction's own reason (e.g. QuotaExceededError) when it has one.
    const reason = await done.then(
      () => undefined,
      (abort: StorageError) => abort,
    );
    throw reason && reason.kind !== 'unknown' ? reason : toStorageError(error);
  }
  await done;
  return result;
}
