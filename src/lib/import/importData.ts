import { CRS_LABELS, toWgs84 } from './crs';
import { findDatum } from './datum';
import { checkText, decodeBytes } from './decode';
import { parseCsv } from './parseCsv';
import { parseGeojson } from './parseGeojson';
import { clip, Problems, Warnings, type Lang } from './report';
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

/** The format to parse as, or an error sentence. */
function chooseFormat(input: ImportInput, text: string, lang: Lang): ImportFormat | string {
  const zh = lang === 'zh';
  if (input.format === 'geojson' || input.format === 'csv') return input.format;
  const ext = /\.([a-z0-9]{1,8})$/i.exec(input.fileName ?? '')?.[1]?.toLowerCase() ?? '';
  if (Object.hasOwn(UNSUPPORTED, ext))
    return zh
      ? `不能导入 ${UNSUPPORTED[ext]} 文件；请把数据导出为 GeoJSON，或带经度/纬度列的 CSV（UTF-8）`
      : `${UNSUPPORTED[ext]} files cannot be imported; export the data as GeoJSON or as CSV (UTF-8) with lon/lat columns`;
  if (ext === 'geojson' || ext === 'json') return 'geojson';
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'csv';
  const first = /\S/.exec(text)?.[0];
  if (first === '{' || first === '[') return 'geojson';
  if (first === '<')
    return zh
      ? '这看起来是 XML 或 HTML（KML？GPX？），不能导入；请把数据导出为 GeoJSON 或 CSV（UTF-8）'
      : 'this looks like XML or HTML (KML? GPX?), which cannot be imported; export the data as GeoJSON or CSV (UTF-8)';
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
    const why = clip(message, 120);
    return {
      ok: false,
      errors: [
        input?.lang === 'zh' ? `导入意外失败：${why}` : `the import failed unexpectedly: ${why}`,
      ],
    };
  }
}

function importUnsafe(input: ImportInput): ImportResult {
  const lang: Lang = input.lang === 'zh' ? 'zh' : 'en';
  const zh = lang === 'zh';
  if (!CRS_CHOICES.includes(input.crs)) {
    const name = clip(String(input.crs), 20);
    return {
      ok: false,
      errors: [zh ? `未知的坐标系“${name}”` : `unknown coordinate system "${name}"`],
    };
  }
  const decoded =
    input.bytes !== undefined
      ? decodeBytes(input.bytes, lang)
      : typeof input.text === 'string'
        ? checkText(input.text, lang)
        : ({ ok: false, error: zh ? '没有可导入的内容' : 'there is nothing to import' } as const);
  if (!decoded.ok) return { ok: false, errors: [decoded.error] };
  const text = decoded.text;

  const format = chooseFormat(input, text, lang);
  if (format !== 'geojson' && format !== 'csv') return { ok: false, errors: [format] };

  const problems = new Problems(lang);
  const warnings = new Warnings(lang);
  const parsed =
    format === 'geojson'
      ? parseGeojson(text, problems, warnings, input.swapLonLat === true)
      : parseCsv(text, problems, warnings, input.swapLonLat === true);
  if (!parsed.ok)
    return parsed.swapSuggested
      ? { ok: false, errors: problems.list(), swapSuggested: true }
      : { ok: false, errors: problems.list() };
  const features = parsed.features;
  if (format === 'geojson' && input.swapLonLat === true)
    warnings.add(
      'swapped',
      '',
      'longitude and latitude were swapped, as you chose: every position was read as [latitude, longitude]',
      '已按你的选择交换经纬度：每个坐标点都按 [纬度, 经度] 读取',
    );
  if (format === 'csv' && input.swapLonLat === true)
    warnings.add(
      'swapped',
      '',
      `longitude and latitude were swapped, as you chose: the longitude is read from "${clip(parsed.coordinateColumns?.[0] ?? '', 30)}"`,
      `已按你的选择交换经纬度：经度取自“${clip(parsed.coordinateColumns?.[0] ?? '', 30)}”列`,
    );
  // Read before converting: what the file says about its datum (the report proposes it).
  const datum = findDatum(features, {
    crsMember: parsed.crsMember,
    coordinateColumns: parsed.coordinateColumns,
  });

  toWgs84(features, input.crs);
  for (const feature of features) {
    for (const [lon, lat] of positionsOf(feature.geometry)) {
      if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90))
        return {
          ok: false,
          errors: [
            zh
              ? `从 ${CRS_LABELS[input.crs]} 转换后，坐标 (${lon}, ${lat}) 超出范围`
              : `converting from ${CRS_LABELS[input.crs]} moved a position out of range (${lon}, ${lat})`,
          ],
        };
    }
  }

  const stats = collectionStats(features);
  const [w, s, e, n] = stats.bbox.map((v) => v.toFixed(2));
  if (!bboxIntersects(stats.bbox, REGION))
    warnings.add(
      'far-away',
      '',
      `the data lies far from Linhai (longitude ${w}…${e}, latitude ${s}…${n}); check that longitude and latitude are not swapped and the coordinate system is right`,
      `数据离临海很远（经度 ${w}…${e}，纬度 ${s}…${n}）；请检查经纬度是否写反、坐标系是否选对`,
    );
  if (input.crs !== 'WGS84' && !bboxIntersects(stats.bbox, CHINA))
    warnings.add(
      'outside-china',
      '',
      `${CRS_LABELS[input.crs]} only differs from WGS-84 inside China; positions outside were left as they are`,
      `${CRS_LABELS[input.crs]} 只在中国境内与 WGS-84 不同；境外的坐标保持不变`,
    );

  return {
    ok: true,
    format,
    collection: { type: 'FeatureCollection', features },
    warnings: warnings.list(),
    stats,
    datum,
    inChina: bboxIntersects(stats.bbox, CHINA),
  };
}
