import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * Who is asking and over what, as far as this server can know. Behind
 * `trustProxy` proxies (TRUST_PROXY=N) each proxy appends the address it saw
 * to X-Forwarded-For, so the Nth entry from the right is the one the outermost
 * of our proxies appended; everything left of it came from the client, who can
 * write anything there.
 */

export function clientIp(c: Context, trustProxy: number): string {
  if (trustProxy > 0) {
    const entries = (c.req.header('X-Forwarded-For') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const appended = entries[Math.max(0, entries.length - trustProxy)];
    if (appended) return appended;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'local'; // app.request() in tests: no socket
  }
}

/** The request reached us (or our proxy) over https. */
export function isHttps(c: Context, trustProxy: number): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  if (trustProxy <= 0) return false;
  const proto = c.req.header('X-Forwarded-Proto')?.split(',').at(-1)?.trim();
  return proto === 'https';
}

/** HSTS for one year on every answer sent over https, or when the public origin is https. */
export const HSTS = 'max-age=31536000';
export function wantsHsts(c: Context, trustProxy: number, publicOrigins: readonly string[]) {
  return isHttps(c, trustProxy) || publicOrigins.some((o) => o.startsWith('https:'));
}
