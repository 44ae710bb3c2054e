import type { DataOutput } from './datasets';
import type { PlanFeatureCollection } from './features';
import type { Layer } from './layers';
import { PLAN_FEATURES_OUTPUT } from './planFeatures.ts';
import { projectRows, projectsCsv, projectsGeojson } from './projectTable.ts';
import { ProjectCollection, type FactTexts } from './projects.ts';
import { validateData } from './validate.ts';

/** The published project table, as a spreadsheet and as GeoJSON. */
export const PROJECTS_CSV = 'projects.csv';
export const PROJECTS_GEOJSON = 'projects.geojson';
/** Byte size of every published file, for the open-data list. */
export const FILE_SIZES = 'files.json';

/** `{ files: [{ name, bytes }] }`, the shape of `data/files.json`. */
export interface FileSizes {
  files: { name: string; bytes: number }[];
}

/**
 * The project table files, derived from the already built and validated `features.geojson`
 * (so the table can never disagree with the map). Empty when there are no plan features.
 */
export function projectTableOutputs(
  outputs: DataOutput[],
  layerNames: Record<Layer, string>,
  factTexts: FactTexts,
): DataOutput[] {
  const features = outputs.find((o) => o.fileName === PLAN_FEATURES_OUTPUT);
  if (!features) return [];
  const rows = projectRows(
    JSON.parse(features.text) as PlanFeatureCollection,
    layerNames,
    factTexts,
  );
  const geojson = validateData(
    `data/${PROJECTS_GEOJSON}`,
    ProjectCollection,
    projectsGeojson(rows),
  );
  return [
    { fileName: PROJECTS_CSV, text: projectsCsv(rows) },
    { fileName: PROJECTS_GEOJSON, text: JSON.stringify(geojson) },
  ];
}

/** `data/files.json`: the UTF-8 byte size of every output, so the list can say how big a download is. */
export function fileSizesOutput(outputs: DataOutput[]): DataOutput {
  const encoder = new TextEncoder();
  const sizes: FileSizes = {
    files: outputs.map((o) => ({ name: o.fileName, bytes: encoder.encode(o.text).length })),
  };
  return { fileName: FILE_SIZES, text: JSON.stringify(sizes) };
}
