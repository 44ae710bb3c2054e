import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { countyLabelsStep } from '../src/lib/data/countyLabels';
import { BASEMAP_DATASETS, buildDatasets, type DataOutput } from '../src/lib/data/datasets';

/**
 * Validates `geodata/` and publishes it under `data/`: emitted into `dist/data/`
 * by `vite build` (a bad file fails the build with the file, feature and reason)
 * and served from memory by `vite dev`.
 */
export function dataPlugin(root: string): Plugin {
  const read = (source: string) => readFileSync(join(root, 'geodata', source), 'utf8');
  let cache: DataOutput[] | undefined;
  const outputs = () => (cache ??= buildDatasets(read, BASEMAP_DATASETS, [countyLabelsStep]));

  return {
    name: 'linhai-data',
    buildStart() {
      cache = undefined;
      outputs(); // fail the build early, before bundling, on a bad data file
    },
    generateBundle() {
      for (const { fileName, text } of outputs()) {
        this.emitFile({ type: 'asset', fileName: `data/${fileName}`, source: text });
      }
    },
    configureServer(server) {
      server.watcher.add(join(root, 'geodata'));
      server.watcher.on('change', (path) => {
        if (path.includes(`${join(root, 'geodata')}`)) cache = undefined;
      });
      server.middlewares.use((req, res, next) => {
        const match = req.url?.match(/^\/data\/([\w.-]+)$/);
        const output = match && outputs().find((o) => o.fileName === match[1]);
        if (!output) return next();
        res.setHeader(
          'Content-Type',
          output.fileName.endsWith('.json') ? 'application/json' : 'application/geo+json',
        );
        res.end(output.text);
      });
    },
  };
}
