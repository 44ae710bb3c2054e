import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { countyLabelsStep } from '../src/lib/data/countyLabels';
import {
  BASEMAP_DATASETS,
  buildDatasets,
  type DataOutput,
  type DerivedStep,
} from '../src/lib/data/datasets';
import { PLAN_FEATURES_SOURCE, planFeaturesStep } from '../src/lib/data/planFeatures';
import { UNPLACED_SOURCE, unplacedStep } from '../src/lib/data/unplaced';
import { parsePlan } from '../src/lib/plan/parse';
import { buildPlanJson } from '../src/lib/plan/planData';
import { allSectionIds, quoteOccursIn } from '../src/lib/plan/text';

/** The plan text the app quotes: the source of truth for `plan.json`. */
export const PLAN_MARKDOWN = 'src/content/linhai-14th-five-year-plan.md';

/**
 * Every published file: the validated base map, the plan model, the plan features and the
 * places the plan names that are not on the map (checked against the plan's sections).
 */
export function buildAllData(root: string): DataOutput[] {
  const read = (source: string) => readFileSync(join(root, 'geodata', source), 'utf8');
  const markdown = readFileSync(join(root, PLAN_MARKDOWN), 'utf8');
  const planStep: DerivedStep = () => [buildPlanJson(markdown)];
  const steps = [countyLabelsStep, planStep];
  if (existsSync(join(root, 'geodata', PLAN_FEATURES_SOURCE))) steps.push(planFeaturesStep(read));
  if (existsSync(join(root, 'geodata', UNPLACED_SOURCE))) {
    const doc = parsePlan(markdown);
    const ids = new Set(allSectionIds(doc));
    steps.push(
      unplacedStep(read, {
        hasSection: (id) => ids.has(id),
        quoteOccursIn: (sections, quote) => quoteOccursIn(doc, sections, quote),
      }),
    );
  }
  return buildDatasets(read, BASEMAP_DATASETS, steps);
}

/**
 * Validates `geodata/` and the plan text and publishes them under `data/`: emitted into
 * `dist/data/` by `vite build` (a bad file fails the build with the file, feature and
 * reason) and served from memory by `vite dev`.
 */
export function dataPlugin(root: string): Plugin {
  let cache: DataOutput[] | undefined;
  const outputs = () => (cache ??= buildAllData(root));
  const watched = [join(root, 'geodata'), join(root, PLAN_MARKDOWN)];

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
      server.watcher.add(watched);
      server.watcher.on('change', (path) => {
        if (watched.some((w) => path.startsWith(w))) cache = undefined;
      });
      server.middlewares.use((req, res, next) => {
        const match = req.url?.match(/^\/data\/([\w.-]+)$/);
        if (!match) return next();
        const output = outputs().find((o) => o.fileName === match[1]);
        if (!output) return next();
        const type = output.fileName.endsWith('.geojson')
          ? 'application/geo+json'
          : 'application/json';
        res.setHeader('Content-Type', type);
        res.end(output.text);
      });
    },
  };
}
