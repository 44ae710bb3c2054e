import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layering rule in eslint.config.js, run on small sources placed (virtually) in each layer:
 * data → geo/plan → map → ui → App, and only src/server imports the server.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('ESLint layering rule', { timeout: 60_000 }, () => {
  it.each([
    ['src/lib/data/x.ts', "import { app } from '../ui/appState.svelte';"],
    ['src/lib/geo/x.ts', "import { tr } from '../ui/tr.svelte';"],
    ['src/lib/plan/x.ts', "import App from '../../App.svelte';"],
    ['src/lib/map/deep/x.ts', "import { app } from '../../ui/appState.svelte';"],
  ])('refuses an upward import into the UI from %s', async (file, code) => {
    expect(await restrictedImports(file, `${code}\nexport const used = app;`)).toEqual([
      expect.stringContaining('below the UI'),
    ]);
  });

  it.each([
    ['src/lib/map/x.ts', "import { start } from '../../server/main';"],
    ['src/lib/ui/x.ts', "import { start } from '../../server/main';"],
    ['src/main.ts', "import { start } from './server/main';"],
  ])('refuses a server import from %s', async (file, code) => {
    expect(await restrictedImports(file, `${code}\nexport const used = start;`)).toEqual([
      expect.stringContaining('Only src/server'),
    ]);
  });

  it.each([
    ['src/lib/map/x.ts', "import { LAYERS } from '../data/layers';"],
    ['src/lib/ui/x.ts', "import { app } from './appState.svelte';"],
    ['src/server/x.ts', "import { start } from './server/main';"],
    ['src/lib/ui/x.ts', "import { serve } from '@hono/node-server';"],
  ])('allows a downward or package import from %s', async (file, code) => {
    expect(await restrictedImports(file, `${code}\nexport const used = 1;`)).toEqual([]);
  });
});
