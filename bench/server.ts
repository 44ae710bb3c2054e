import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

/** One response: the path asked for and the bytes of the body as sent (gzip for text). */
export interface Served {
  path: string;
  gzipBytes: number;
  /** When the request arrived (epoch ms), to tell what was asked for before "ready". */
  at: number;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};
const TEXT = new Set(['.html', '.js', '.css', '.json', '.geojson', '.svg']);

/**
 * A static server on 127.0.0.1 for `root` (bench/.out: app/ and baseline/), gzip level 6 for
 * text as a production server would, logging what each response weighed. No caching headers.
 */
export async function startServer(root: string) {
  let log: Served[] = [];
  const cache = new Map<string, Buffer>();
  const server = createServer((req, res) => {
    void (async () => {
      const at = Date.now();
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
      if (!file.startsWith(root)) return void res.writeHead(403).end();
      let body: Buffer;
      try {
        body = await readFile(file);
      } catch {
        return void res.writeHead(404).end();
      }
      const ext = extname(file);
      const gzip = TEXT.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding']));
      if (gzip) body = cache.get(file) ?? cache.set(file, gzipSync(body, { level: 6 })).get(file)!;
      res.writeHead(200, {
        'Content-Type': TYPES[ext] ?? 'application/octet-stream',
        'Content-Length': body.length,
        'Cache-Control': 'no-store',
        ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
      });
      res.end(body);
      log.push({ path: path.replace(/^\/(app|baseline)\//, ''), gzipBytes: body.length, at });
    })();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    /** Responses since the last reset, in order. */
    served: () => [...log],
    reset: () => void (log = []),
    close: () => server.close(),
  };
}
