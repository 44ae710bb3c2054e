import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Stamps the built `sw.js` (copied from `public/`) with the build's version and the list of
 * files to precache. The version is a hash of every emitted file's name and contents, so any
 * change to code, styles or data installs a fresh cache and no stale build sticks.
 */
export function serviceWorkerPlugin(): Plugin {
  let outDir = 'dist';
  let publicDir = '';
  let files: string[] = [];
  let version = '';

  return {
    name: 'linhai-sw',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      publicDir = config.publicDir;
    },
    generateBundle(_options, bundle) {
      const hash = createHash('sha256');
      const emitted = Object.values(bundle)
        .filter((item) => !item.fileName.endsWith('.map'))
        .sort((a, b) => a.fileName.localeCompare(b.fileName));
      for (const item of emitted) {
        hash.update(item.fileName);
        hash.update(item.type === 'chunk' ? item.code : item.source);
      }
      const fromPublic = publicDir && existsSync(publicDir) ? readdirSync(publicDir) : [];
      for (const name of fromPublic.sort()) {
        if (name !== 'sw.js') hash.update(readFileSync(join(publicDir, name)));
      }
      version = hash.digest('hex').slice(0, 16);
      files = [
        './',
        ...emitted.map((item) => `./${item.fileName}`).filter((f) => f !== './index.html'),
        ...fromPublic.filter((n) => n !== 'sw.js').map((n) => `./${n}`),
      ];
    },
    closeBundle() {
      const path = join(outDir, 'sw.js');
      if (!existsSync(path) || !version) return;
      const source = readFileSync(path, 'utf8');
      for (const placeholder of ["'__SW_VERSION__'", "'__SW_PRECACHE__'"]) {
        if (!source.includes(placeholder))
          this.error(`public/sw.js lost its ${placeholder} placeholder`);
      }
      const stamped = source
        .replace("'__SW_VERSION__'", JSON.stringify(version))
        .replace("'__SW_PRECACHE__'", JSON.stringify(files));
      writeFileSync(path, stamped);
    },
  };
}
