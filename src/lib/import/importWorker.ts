/// <reference lib="webworker" />
// First: the same CSP-safe zod setting as the page (no `new Function` probe).
import '../security/zodJitless';
import { importData } from './importData';
import type { ImportInput, ImportResult } from './types';

/**
 * Runs `importData` off the main thread so a 50 MB file cannot freeze the map.
 * Message in: ImportInput (send `bytes` as a transferable). Message out: ImportResult.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<ImportInput>) => {
  const result: ImportResult = importData(event.data);
  scope.postMessage(result);
};
