import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';

/**
 * The built app (dist/) on the same port as the API, with the same strict
 * Content-Security-Policy the app declares in index.html (read from the built
 * file, so the two cannot differ), plus the headers a meta tag cannot set.
 */

export function cspOf(indexHtml: string): string {
  const match = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(indexHtml);
  if (!match) throw new Error('index.html has no Content-Security-Policy meta tag');
  return match[1]!;
}

export function mountApp(app: Hono, distDir: string): void {
  const index = join(distDir, 'index.html');
  if (!existsSync(index))
    throw new Error(`The app is not built: ${index} is missing (run npm run build).`);
  const html = readFileSync(index, 'utf8');
  const csp = `${cspOf(html)}; frame-ancestors 'none'`;
  app.use('*', async (c, next) => {
    await next();
    c.header(
      'Content-Security-Policy',
      c.req.path.startsWith('/api/') ? "default-src 'none'; frame-ancestors 'none'" : csp,
    );
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
  });
  // The app asks this before calling the API: the static build ships `{ "server": false }` in the
  // same place, so a plain file server is recognised without a failing request.
  app.get('/consultation.json', (c) => c.json({ server: true }));
  const root = relative(process.cwd(), distDir) || '.';
  app.use('*', async (c, next) =>
    c.req.path.startsWith('/api/') ? next() : serveStatic({ root })(c, next),
  );
  // Single-page app: a navigation that is not a file is the app (the hash carries the state). A file
  // that is not there (a stale /assets/…js, a mistyped .png) is a 404, so a browser or a cache never
  // takes the page's HTML for a script.
  app.get('*', (c, next) => {
    if (c.req.path.startsWith('/api/')) return next();
    if (isFilePath(c.req.path)) return c.text('Not found', 404);
    return c.html(html);
  });
}

/** A path that names a file: anything under /assets/, or a last segment with an extension. */
export function isFilePath(path: string): boolean {
  if (path.startsWith('/assets/')) return true;
  const last = path.slice(path.lastIndexOf('/') + 1);
  return /\.[A-Za-z0-9]+$/.test(last);
}
