import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cssVarName, LIGHT, type UiPalette } from './theme';

/**
 * app.css declares the UI colours statically (first paint, no script); the theme is where
 * they are defined. These tests keep the two one palette, and the components on it.
 */
const SRC = join(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(path, 'utf8');

/** The custom properties of app.css's first `:root` block, by name. */
function rootDeclarations(): Map<string, string> {
  const root = /:root\s*\{([^}]*)\}/.exec(read(join(SRC, 'app.css')))?.[1] ?? '';
  const out = new Map<string, string>();
  for (const [, name, value] of root.matchAll(/(--[a-z0-9-]+)\s*:\s*([^;]+);/g))
    out.set(name!, value!.replace(/\s+/g, ' ').trim());
  return out;
}

/** Every stylesheet and component under src, relative path → text. */
function styleSources(): [string, string][] {
  const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) =>
    /\.(svelte|css)$/.test(f),
  );
  return files.map((f) => [f, read(join(SRC, f))]);
}

const declared = rootDeclarations();
const tokens = Object.entries(LIGHT.ui) as [keyof UiPalette, string][];

describe('the UI palette', () => {
  it('app.css declares every UI colour of the theme, with the same value', () => {
    for (const [token, value] of tokens)
      expect(declared.get(cssVarName(token)), cssVarName(token)).toBe(value);
  });

  it('app.css declares no colour the theme lacks', () => {
    const themed = new Set(tokens.map(([token]) => cssVarName(token)));
    const colours = [...declared].filter(([, value]) => /^#[0-9a-f]+$/i.test(value));
    expect(colours.map(([name]) => name).filter((name) => !themed.has(name))).toEqual([]);
  });

  it("app.css's font list starts with the map's label fonts", () => {
    const families = (declared.get('--font') ?? '').split(',').map((f) => f.trim());
    const named = LIGHT.fontStack.filter((f) => f !== 'sans-serif').map((f) => `'${f}'`);
    expect(families.slice(0, named.length)).toEqual(named);
  });

  it('components use only declared custom properties, without fallbacks', () => {
    for (const [file, text] of styleSources()) {
      // A component may set its own (e.g. `style:--label-place={…}`, for its CSS to read).
      const own = new Set([...text.matchAll(/style:(--[a-z0-9-]+)=/g)].map(([, name]) => name));
      for (const [, name, next] of text.matchAll(/var\((--[a-z0-9-]+)\s*([,)])/g)) {
        const known = declared.has(name!) || own.has(name!);
        expect(known, `${file}: ${name} is not declared in app.css or the component`).toBe(true);
        expect(next, `${file}: ${name} has a fallback`).toBe(')');
      }
    }
  });

  it('components write no hex colour (a QR code is black on white by necessity)', () => {
    const allowed = new Set(['app.css', 'lib/ui/session/QrCode.svelte']);
    for (const [file, text] of styleSources()) {
      if (allowed.has(file)) continue;
      expect(text.match(/#[0-9a-f]{3,8}\b/gi), file).toBeNull();
    }
  });
});
