// @ts-check
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm start`'s prestart (and the e2e suite's global setup): builds the app (dist/) and the
 * server (dist-server/) only when one is missing or older than its sources, in plain Node so a
 * start costs no TypeScript loader. The build's own messages are kept back and shown only if it
 * fails; a facilitator sees one line while it builds and one when it is done.
 * `--server` checks only the server (the e2e suite builds the app itself first).
 */

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Each output and the sources it is built from (a folder counts by its newest file). */
const TARGETS = [
  {
    name: 'app',
    output: 'dist/index.html',
    sources: [
      'src',
      'public',
      'geodata',
      'index.html',
      'vite.config.ts',
      'scripts/data-plugin.ts',
      'scripts/sw-plugin.ts',
      'package.json',
    ],
    skip: ['src/server'],
    args: ['build', '--logLevel', 'error'],
  },
  {
    name: 'server',
    output: 'dist-server/main.js',
    sources: ['src/server', 'src/lib', 'vite.server.config.ts', 'package.json'],
    skip: [],
    args: ['build', '--config', 'vite.server.config.ts', '--logLevel', 'error'],
  },
];

/** @param {string} path @param {string[]} skip @returns {number} */
function newest(path, skip) {
  if (skip.includes(relative(root, path))) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry), skip));
  return latest;
}

/** @param {(typeof TARGETS)[number]} target */
function isStale(target) {
  const output = join(root, target.output);
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return target.sources.some(
    (source) => existsSync(join(root, source)) && newest(join(root, source), target.skip) > built,
  );
}

const chosen = process.argv.includes('--server')
  ? TARGETS.filter((t) => t.name === 'server')
  : TARGETS;
const stale = chosen.filter(isStale);
if (stale.length > 0) {
  const first = stale.some((t) => !existsSync(join(root, t.output)));
  const what = stale.length === 2 ? 'the app and the server' : `the ${stale[0]?.name}`;
  console.log(
    first
      ? `Building ${what} (first start, ~10 s)…`
      : `Rebuilding ${what}: its sources changed since the last build (~10 s)…`,
  );
  const started = performance.now();
  for (const target of stale) {
    const result = spawnSync(
      process.execPath,
      [join(root, 'node_modules/vite/bin/vite.js'), ...target.args],
      { cwd: root, encoding: 'utf8' },
    );
    if (result.status !== 0) {
      process.stdout.write(result.stdout ?? '');
      process.stderr.write(result.stderr ?? String(result.error ?? ''));
      console.error(`Building the ${target.name} failed; the messages above say why.`);
      process.exit(1);
    }
  }
  console.log(`Built in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}
