import type { z } from 'zod';
import {
  BoundaryCollection,
  CoastlineCollection,
  CountyCollection,
  GazetteerCollection,
  LandCollection,
  SeatCollection,
} from './basemap.ts';
import { BASEMAP_FILES, type PublishedFile } from './catalogue.ts';
import { displayCopy } from './displayCopy.ts';
import { parseJson, validateData } from './validate.ts';

/** A shipped geodata file, the schema it must pass and the file it is published as. */
export interface Dataset extends PublishedFile {
  /** File name inside `geodata/`. */
  source: string;
  schema: z.ZodType;
  /** What is published instead of the validated data (e.g. a simplified display copy). */
  publish?: (data: unknown) => unknown;
}

export const BASEMAP_DATASETS: Dataset[] = [
  { source: 'linhai-boundary.geojson', schema: BoundaryCollection, ...BASEMAP_FILES.boundary },
  {
    source: 'taizhou-counties.geojson',
    schema: CountyCollection,
    ...BASEMAP_FILES.counties,
    // Neighbours are context: simplified for drawing; 临海's own outline stays exact.
    publish: (d) => displayCopy(d as CountyCollection, (f) => f.properties?.adcode === '331082'),
  },
  {
    source: 'coast-land-gshhg.geojson',
    schema: LandCollection,
    ...BASEMAP_FILES.land,
    publish: (d) => displayCopy(d as LandCollection),
  },
  {
    source: 'coastline-gshhg.geojson',
    schema: CoastlineCollection,
    ...BASEMAP_FILES.coastline,
    publish: (d) => displayCopy(d as CoastlineCollection),
  },
  { source: 'linhai-township-seats.geojson', schema: SeatCollection, ...BASEMAP_FILES.seats },
  { source: 'gazetteer.geojson', schema: GazetteerCollection, ...BASEMAP_FILES.gazetteer },
];

/** Something written to `dist/data/`: a file name and its text. */
export interface DataOutput {
  fileName: string;
  text: string;
}

/** A step that derives more published files from the validated datasets (plan text, features…). */
export type DerivedStep = (inputs: Map<string, unknown>) => DataOutput[];

/**
 * Validate every shipped dataset and produce the files published under `data/`.
 * `read` returns the text of a file in `geodata/`. Throws a DataError naming
 * the file, the feature and the reason on the first bad file.
 */
export function buildDatasets(
  read: (source: string) => string,
  datasets: Dataset[] = BASEMAP_DATASETS,
  derived: DerivedStep[] = [],
): DataOutput[] {
  const inputs = new Map<string, unknown>();
  const outputs: DataOutput[] = [];
  for (const dataset of datasets) {
    const file = `geodata/${dataset.source}`;
    const data = validateData(file, dataset.schema, parseJson(file, read(dataset.source)));
    inputs.set(dataset.source, data);
    // Re-serialise compactly: the published copy is the validated one (or its display copy).
    const published = dataset.publish ? dataset.publish(data) : data;
    outputs.push({ fileName: dataset.output, text: JSON.stringify(published) });
  }
  for (const step of derived) outputs.push(...step(inputs));
  return outputs;
}
