import { CRS_LABELS, toWgs84 } from './crs';
import { checkText, decodeBytes } from './decode';
import { parseCsv } from './parseCsv';
import { parseGeojson } from './parseGeojson';
import { clip, Problems, Warnings } from './report';
import { bboxIntersects, collectionStats, positionsOf } from './stats';
import {
  CRS_CHOICES,
  type BBox,
  type ImportFormat,
  type ImportInput,
  type ImportResult,
} from './types';

export { exportOverlay } from './exportOverlay';
export { overlaySummary } from './summary';

/** Zhejiang and its sea, generously: data outside it is probably in the wrong CRS. */
const REGION: BBox = [117, 26, 124, 32];
/** gcoord's "in China" box: GCJ-02/BD-09 only differ from WGS-84 inside it. */
const CHINA: BBox = [72.004, 0.8293, 137.8347, 55.8271];

const UNSUPPORTED: Record<string, string> = {
  kml: 'KML',
  kmz: 'KMZ',
  gpx: 'GPX',
  shp: 'Shapefile',
  dbf: 'Shapefile',
  zip: 'ZIP',
  xlsx: 'Excel',
  xls: 'Excel',
  gpkg: 'GeoPackage',
  topojson: 'TopoJSON',
  dwg: 'CAD (DWG)',
  dxf: 'CAD (DXF)',
};

function chooseFormat(input: ImportInput, text: string): ImportFormat | string {
  if (input.format === 'geojson' || input.format === 'csv') return input.format;
  const ext = /\.([a-z0-9]{1,8})$/i.exec(input.fileName ?? '')?.[1]?.toLowerCase() ?? '';
  if (ext in UNSUPPORTED)
    return `${UNSUPPORTED[ext]} files cannot be imported; export the data as GeoJSON or as CSV (UTF-8) with lon/lat columns`;
  if (ext === 'geojson' || ext === 'json') return 'geojson';
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'csv';
  const first = /\S/.exec(text)?.[0];
  if (first === '{' || first === '[') return 'geojson';
  if (first === '<')
    return 'this looks like XML or HTML (KML? GPX?), which cannot be imported; export the data as GeoJSON or CSV (UTF-8)';
  return 'csv';
}

/**
 * Import untrusted GeoJSON or CSV: decode strictly, check limits, validate, sanitise,
 * convert to WGS-84. Never throws; on failure, nothing is returned but plain-words errors
 * naming the JSON path or CSV line of the first problems.
 */
export function importData(input: ImportInput): ImportResult {
  try {
    return importUnsafe(input);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [`the import failed unexpectedly: ${clip(message, 120)}`] };
  }
}

function importUnsafe(input: ImportInput): ImportResult {
  if (!CRS_CHOICES.includes(input.crs))
    return { ok: false, errors: [`unknown coordinate system "${clip(String(input.crs), 20)}"`] };
  const decoded =
    input.bytes !== undefined
      ? decodeBytes(input.bytes)
      : typeof input.text === 'string'
        ? checkText(input.text)
        : ({ ok: false, error: 'there is nothing to import' } as const);
  if (!decoded.ok) return { ok: false, errors: [decoded.error] };
  const text = decoded.text;

  const format = chooseFormat(input, text);
  if (format !== 'geojson' && format !== 'csv') return { ok: false, errors: [format] };

  const problems = new Problems();
  const warnings = new Warnings();
  const parsed =
    format === 'geojson'
      ? parseGeojson(text, problems, warnings)
      : parseCsv(text, problems, warnings);
  if (!parsed.ok) return { ok: false, errors: problems.list() };
  const features = parsed.features;

  toWgs84(features, input.crs);
  for (const feature of features) {
    for (const [lon, lat] of positionsOf(feature.geometry)) {
      if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90))
        return {
          ok: false,
          errors: [
            `converting from ${CRS_LABELS[input.crs]} moved a position out of range (${lon}, ${lat})`,
          ],
        };
    }
  }

  const stats = collectionStats(features);
  if (!bboxIntersects(stats.bbox, REGION))
    warnings.add(
      'far-away',
      '',
      `the data lies far from Linhai (longitude ${stats.bbox[0].toFixed(2)}…${stats.bbox[2].toFixed(2)}, latitude ${stats.bbox[1].toFixed(2)}…${stats.bbox[3].toFixed(2)}); check that longitude and latitude are not swapped and the coordinate system is right`,
    );
  if (input.crs !== 'WGS84' && !bboxIntersects(stats.bbox, CHINA))
    warnings.add(
      'outside-china',
      '',
      `${CRS_LABELS[input.crs]} only differs from WGS-84 inside China; positions outside were left as they are`,
    );

  return {
    ok: true,
    format,
    collection: { type: 'FeatureCollection', features },
    warnings: warnings.list(),
    stats,
  };
}
