import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_BUDGET_KB, budgetProblems, initialChunks, initialScripts } from './bundleBudget.ts';

const HTML = `<!doctype html><html><head>
<script type="module" crossorigin src="./assets/index-A.js"></script>
<link rel="modulepreload" crossorigin href="./assets/i18n-B.js">
<link rel="modulepreload" crossorigin href="./assets/maplibre-C.js">
<link rel="preload" href="./data/features.geojson" as="fetch" crossorigin="anonymous" />
<link rel="stylesheet" crossorigin href="./assets/index-D.css">
<link rel="icon" href="./favicon.svg" type="image/svg+xml" />
</head><body><script src="./zod-jitless.js"></script></body></html>`;

/** Incompressible bytes: gzip leaves them about their own size. */
function noise(kb: number): Buffer {
  let seed = 7;
  return Buffer.from(
    Array.from({ length: kb * 1024 }, () => (seed = (seed * 16807) % 2147483647) & 0xff),
  );
}

function dist(sizes: Record<string, number>): string {
  const dir = mkdtempSync(join(tmpdir(), 'budget-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), HTML);
  for (const [file, kb] of Object.entries(sizes)) writeFileSync(join(dir, file), noise(kb));
  return dir;
}

describe('first-load bundle budget', () => {
  it('counts module scripts, classic scripts and modulepreloads, not data, CSS or icons', () => {
    expect(initialScripts(HTML)).toEqual([
      'assets/index-A.js',
      'assets/i18n-B.js',
      'assets/maplibre-C.js',
      'zod-jitless.js',
    ]);
  });

  it('passes a build within budget and fails one over it, naming the files and sizes', () => {
    const small = initialChunks(
      dist({
        'assets/index-A.js': 20,
        'assets/i18n-B.js': 10,
        'assets/maplibre-C.js': 200,
        'zod-jitless.js': 1,
      }),
    );
    expect(budgetProblems(small)).toEqual([]);

    const big = initialChunks(
      dist({
        'assets/index-A.js': 40,
        'assets/i18n-B.js': 30,
        'assets/maplibre-C.js': 200,
        'zod-jitless.js': 1,
      }),
    );
    const problems = budgetProblems(big);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      new RegExp(
        `app JS on first load is 7\\d\\.\\d KB gzip, over the budget of ${APP_BUDGET_KB} KB`,
      ),
    );
    expect(problems[0]).toContain('assets/i18n-B.js');
  });
});
