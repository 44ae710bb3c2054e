/*
 * Linhai Plan Map service worker: after the first visit the app opens and keeps working
 * with the server gone (consultation laptops, trains, basements).
 *
 * - Precaches the whole build (app shell, lazy chunks, data/) on install. The list and the
 *   version are written into the built copy by scripts/sw-plugin.ts; this source file is
 *   never registered in development.
 * - Cache-first for same-origin GETs; anything not precached is cached on first fetch.
 * - One cache per build (`linhai-<hash of every built file>`): a new build installs a new
 *   cache and deletes older ones on activate, keeping the previous one, so a page still
 *   running the previous build can lazy-load its own chunks.
 */
const VERSION = '__SW_VERSION__';
// Both placeholders are replaced in the built copy; unbuilt, the list is empty.
const PRECACHE_LIST = '__SW_PRECACHE__';
const PRECACHE = Array.isArray(PRECACHE_LIST) ? PRECACHE_LIST : [];
const PREFIX = 'linhai-';
const CACHE = PREFIX + VERSION;
const SHELL = new URL('./', self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // `reload`: the HTTP cache must not feed an old file into a new version's cache.
      await cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'reload' })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const older = (await caches.keys()).filter((n) => n.startsWith(PREFIX) && n !== CACHE);
      // Cache names come back in creation order: keep the newest older one.
      for (const name of older.slice(0, -1)) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || request.headers.has('range')) return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.endsWith('/sw.js')) return;
  // The consultation API is live data (comments, event streams): never from a cache.
  if (url.pathname.startsWith('/api/')) return;
  event.respondWith(respond(request));
});

async function respond(request) {
  // Every page of the app is the one shell; the hash and query are read by the app.
  const key = request.mode === 'navigate' ? SHELL : request.url;
  const cache = await caches.open(CACHE);
  const hit =
    (await cache.match(key, { ignoreSearch: request.mode === 'navigate' })) ??
    (await caches.match(key));
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') await cache.put(key, response.clone());
  return response;
}
