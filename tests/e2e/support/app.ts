import { expect, type Page } from '@playwright/test';

/** Requests that left the local server. */
export interface PageWatch {
  external: string[];
}

/**
 * Abort (and record) every request that is not to the local server. Call before `page.goto`.
 * (Page errors and console errors fail every test through the fixture in ./test.)
 */
export async function watchPage(page: Page): Promise<PageWatch> {
  const watch: PageWatch = { external: [] };
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const local =
      url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1';
    if (local) return route.continue();
    watch.external.push(url.href);
    return route.abort('blockedbyclient');
  });
  return watch;
}

/** Resolves when the map has rendered everything it has (MapLibre `idle`). */
export async function waitForIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => Boolean((window as any).linhaiMap), null, { timeout: 90_000 });
  await page.waitForFunction(() => (window as any).linhaiMap.loaded(), null, { timeout: 90_000 });
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = (window as any).linhaiMap;
        map.once('idle', () => resolve());
        // An already idle map fires `idle` again after the repaint.
        map.triggerRepaint();
      }),
  );
}

/** Open the app (optionally with a hash) and wait for the map to be idle. */
export async function openApp(page: Page, hash = ''): Promise<void> {
  await page.goto(`./${hash}`);
  await expect(page.getByTestId('map-container')).toBeVisible();
  await waitForIdle(page);
}

/** RGBA pixels of the map canvas in a CSS-pixel rectangle. */
export async function readCanvas(
  page: Page,
  rect: { x: number; y: number; width: number; height: number },
): Promise<number[]> {
  return page.evaluate((r) => {
    const map = (window as any).linhaiMap;
    const source: HTMLCanvasElement = map.getCanvas();
    const ratio = source.width / source.clientWidth;
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(r.width * ratio));
    canvas.height = Math.max(1, Math.round(r.height * ratio));
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(
      source,
      r.x * ratio,
      r.y * ratio,
      r.width * ratio,
      r.height * ratio,
      0,
      0,
      canvas.width,
      canvas.height,
    );
    return Array.from(ctx.getImageData(0, 0, canvas.width, canvas.height).data);
  }, rect);
}

/** Screen position (CSS px, relative to the canvas) of a lon/lat. */
export async function project(
  page: Page,
  lngLat: [number, number],
): Promise<{ x: number; y: number }> {
  return page.evaluate((ll) => {
    const p = (window as any).linhaiMap.project(ll);
    return { x: p.x, y: p.y };
  }, lngLat);
}

/** The most common colour (as [r,g,b]) in a list of RGBA pixels. */
export function dominantColour(pixels: number[]): [number, number, number] {
  const counts = new Map<string, number>();
  for (let i = 0; i < pixels.length; i += 4) {
    const key = `${pixels[i]},${pixels[i + 1]},${pixels[i + 2]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
  return best.split(',').map(Number) as [number, number, number];
}

/** Parse `#rrggbb`. */
export function hex(colour: string): [number, number, number] {
  const n = parseInt(colour.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** True when two colours differ by at most `tolerance` in every channel. */
export function near(a: number[], b: number[], tolerance = 6): boolean {
  return a.every((v, i) => Math.abs(v - b[i]!) <= tolerance);
}

/**
 * True when the map draws the plan place `id` at its point: its own symbol, or the stack of
 * places sharing that position (uncertainty rings do not count).
 */
export async function drawnAt(page: Page, id: string, at: [number, number]): Promise<boolean> {
  return page.evaluate(
    ([fid, lon, lat]) => {
      const map = (window as any).linhaiMap;
      const p = map.project([lon, lat]);
      return map
        .queryRenderedFeatures([p.x, p.y])
        .filter((f: any) => !f.layer.id.includes('uncertainty'))
        .some((f: any) => f.properties.id === fid || f.properties.id === `stack-${lon}-${lat}`);
    },
    [id, at[0], at[1]] as const,
  );
}
