import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm start` builds the app only when needed: dist/ is missing, or any
 * source of the app (src/ outside src/server, public/, geodata/, index.html,
 * the Vite config) is newer than dist/index.html.
 */

const SOURCES = ['src', 'public', 'geodata', 'index.html', 'vite.config.ts', 'package.json'];

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) {
    if (path.endsWith('src') && entry === 'server') continue; // the server is not part of the app
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

export function appIsStale(root: string, distDir: string): boolean {
  const index = join(distDir, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return SOURCES.some(
    (source) => existsSync(join(root, source)) && newest(join(root, source)) > built,
  );
}

export function buildApp(root: string): void {
  console.log('Building the app (dist/ is missing or older than the sources)…');
  const result = spawnSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) throw new Error('The app build failed; see the messages above.');
}
