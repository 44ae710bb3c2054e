import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { countyLabelsStep } from '../src/lib/data/countyLabels.ts';
import {
  BASEMAP_DATASETS,
  buildDatasets,
  type DataOutput,
  type DerivedStep,
} from '../src/lib/data/datasets.ts';
import { LAYERS, type Layer } from '../src/lib/data/layers.ts';
import { PLAN_FEATURES_SOURCE, planFeaturesStep } from '../src/lib/data/planFeatures.ts';
import { fileSizesOutput, projectTableOutputs } from '../src/lib/data/projectFiles.ts';
import { UNPLACED_SOURCE, unplacedStep } from '../src/lib/data/unplaced.ts';
import { en } from '../src/lib/i18n/en.ts';
import { layerKey, t } from '../src/lib/i18n/index.ts';
import { planFactTexts } from '../src/lib/i18n/planFactsText.ts';
import { STRINGS } from '../src/lib/i18n/strings.ts';
import { parsePlan } from '../src/lib/plan/parse.ts';
import { buildPlanJson } from '../src/lib/plan/planData.ts';
import { allSectionIds, quoteOccursIn } from '../src/lib/plan/text.ts';

/** The plan text the app quotes: the source of truth for `plan.json`. */
export const PLAN_MARKDOWN = 'src/content/linhai-14th-five-year-plan.md';

/**
 * Every published file: the validated base map, the plan model, the plan features and the
 * places the plan names that are not on the map (checked against the plan's sections).
 */
// The build writes both languages (the project table's *_en columns); the app loads English on demand.
STRINGS.en ??= en;

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
  return withOpenDataTables(buildDatasets(read, BASEMAP_DATASETS, steps));
}

/** Add the project table (CSV, GeoJSON) built from the features, then every file's size. */
function withOpenDataTables(outputs: DataOutput[]): DataOutput[] {
  const layerNames = Object.fromEntries(LAYERS.map((l) => [l, t(layerKey(l), 'zh')]));
  const all = [
    ...outputs,
    ...projectTableOutputs(outputs, layerNames as Record<Layer, string>, planFactTexts),
  ];
  return [...all, fileSizesOutput(all)];
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
          : output.fileName.endsWith('.csv')
            ? 'text/csv; charset=utf-8'
            : 'application/json';
        res.setHeader('Content-Type', type);
        res.end(output.text);
      });
    },
  };
}
