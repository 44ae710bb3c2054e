import { importData } from '../../import/importData';
import type { ImportInput, ImportResult } from '../../import/types';

/**
 * `importData` in a Web Worker (one per import, terminated afterwards), falling back to
 * the main thread where workers are unavailable. Never rejects.
 */
export function runImport(input: ImportInput): Promise<ImportResult> {
  if (typeof Worker === 'undefined') return Promise.resolve(importData(input));
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('../../import/importWorker.ts', import.meta.url), {
        type: 'module',
      });
    } catch {
      resolve(importData(input));
      return;
    }
    const done = (result: ImportResult) => {
      worker.terminate();
      resolve(result);
    };
    worker.onmessage = (event: MessageEvent<ImportResult>) => done(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      const message =
        input.lang === 'zh'
          ? '导入无法运行（后台线程出错）'
          : 'the import could not run (worker failed)';
      done({ ok: false, errors: [message] });
    };
    const transfer = input.bytes instanceof ArrayBuffer ? [input.bytes] : [];
    worker.postMessage(input, transfer);
  });
}
