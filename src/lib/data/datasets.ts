import type { z } from 'zod';
import {
  BoundaryCollection,
  CoastlineCollection,
  CountyCollection,
  GazetteerCollection,
  LandCollection,
  SeatCollection,
} from './basemap';
import { parseJson, validateData } from './validate';

/** A shipped geodata file, the schema it must pass and the name it is published under. */
export interface Dataset {
  /** File name inside `geodata/`. */
  source: string;
  /** File name inside `dist/data/` (and `/data/` in dev). */
  output: string;
  schema: z.ZodType;
  /** What the file is, for the open-data list in the UI. */
  title: string;
}

export const BASEMAP_DATASETS: Dataset[] = [
  {
    source: 'linhai-boundary.geojson',
    output: 'boundary.geojson',
    schema: BoundaryCollection,
    title: '临海市行政界线',
  },
  {
    source: 'taizhou-counties.geojson',
    output: 'counties.geojson',
    schema: CountyCollection,
    title: '台州市县级行政区',
  },
  {
    source: 'coast-land-gshhg.geojson',
    output: 'land.geojson',
    schema: LandCollection,
    title: 'GSHHG 陆地',
  },
  {
    source: 'coastline-gshhg.geojson',
    output: 'coastline.geojson',
    schema: CoastlineCollection,
    title: 'GSHHG 海岸线',
  },
  {
    source: 'linhai-township-seats.geojson',
    output: 'seats.geojson',
    schema: SeatCollection,
    title: '镇街驻地',
  },
  {
    source: 'gazetteer.geojson',
    output: 'gazetteer.geojson',
    schema: GazetteerCollection,
    title: '地名点',
  },
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
    // Re-serialise compactly: the published copy is the validated one, without indentation.
    outputs.push({ fileName: dataset.output, text: JSON.stringify(data) });
  }
  for (const step of derived) outputs.push(...step(inputs));
  return outputs;
}
