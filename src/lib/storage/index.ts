export { StorageError, toStorageError, type StorageErrorKind } from './idb';
export { DB_VERSION, MIGRATIONS, type Migration } from './migrations';
export {
  DB_NAME,
  deleteDatabase,
  LocalStore,
  openDatabase,
  type LoadResult,
  type OpenOptions,
  type QuarantineEntry,
} from './store';
