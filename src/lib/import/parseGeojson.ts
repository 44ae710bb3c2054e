import {
  checkGeometry,
  isGeometryType,
  newGeometryContext,
  type GeometryContext,
} from './geometry';
import { formatCount, LIMITS } from './limits';
import { parseJsonText, scanJson } from './jsonScan';
import { child, clip, describe, Problems, Warnings } from './report';
import { DANGEROUS_KEYS, sanitizeProperties, sanitizeText } from './sanitize';
import { datumOfText } from './datum';
import { mostlySwapped } from './swap';
import type { OverlayFeature, OverlayProperties, ParseOutcome } from './types';

/**
 * GeoJSON text → validated WGS-84-range features (not yet CRS-converted).
 *
 * Accepts a FeatureCollection, a Feature, a bare geometry, or a GeometryCollection.
 * Decisions:
 * - GeometryCollections (bare or as a feature's geometry) are **exploded** into one feature
 *   per member, each with a copy of the properties (warning); nested ones are refused.
 * - Features with `"geometry": null` are valid GeoJSON but cannot be drawn: skipped with a
 *   warning. A file left with no drawable feature is refused.
 * - Any invalid feature refuses the whole file (nothing half-imported); the error names the
 *   JSON path of the first few problems.
 * - A legacy `crs` member naming WGS-84 (CRS84, EPSG:4326) is accepted and dropped; one naming
 *   GCJ-02 or BD-09 too, and the check report proposes that datum; any other is refused (the
 *   data would need reprojecting).
 * - Foreign members and `bbox` are dropped. Duplicate feature ids are removed from the later
 *   features (warning); ids that are not text or numbers are dropped (warning).
 */

const WGS84_NAMES =
  /^(urn:ogc:def:crs:ogc:(1\.3:)?crs84|urn:ogc:def:crs:epsg:[\d.]*:4326|epsg:4326|crs84|wgs ?84)$/i;

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The name of an accepted `crs` member (kept for the datum check), or undefined. */
function checkCrsMember(json: Json, where: string, problems: Problems): string | undefined {
  if (!('crs' in json) || json.crs === null) return undefined;
  const crs = json.crs;
  const name = isObject(crs) && isObject(crs.properties) ? crs.properties.name : undefined;
  if (typeof name === 'string' && name.length <= 100) {
    // Longitude/latitude in WGS-84, or in a Chinese web-map datum the report then proposes.
    const trimmed = name.trim();
    if (
      WGS84_NAMES.test(trimmed) ||
      datumOfText(trimmed) === 'GCJ02' ||
      datumOfText(trimmed) === 'BD09'
    )
      return trimmed;
  }
  problems.add(
    child(where, 'crs'),
    `the file declares the coordinate system "${typeof name === 'string' ? clip(name, 60) : describe(crs)}"; only longitude/latitude (WGS-84, GCJ-02 or BD-09) can be imported, so reproject it first (e.g. in QGIS)`,
    `文件声明的坐标系是“${typeof name === 'string' ? clip(name, 60) : describe(crs, 'zh')}”；只能导入经纬度（WGS-84、GCJ-02 或 BD-09），请先转换投影（例如用 QGIS）`,
  );
  return undefined;
}

interface State {
  problems: Problems;
  warnings: Warnings;
  geometry: GeometryContext;
  features: OverlayFeature[];
  ids: Map<string | number, string>;
  /** The first accepted `crs` member's name. */
  crsMember?: string;
}

function readId(raw: Json, where: string, s: State): string | number | undefined {
  if (!('id' in raw) || raw.id === undefined || raw.id === null) return undefined;
  const rawId = raw.id;
  let id: string | number;
  if (typeof rawId === 'number' && Number.isFinite(rawId)) id = rawId === 0 ? 0 : rawId;
  else if (typeof rawId === 'string') id = sanitizeText(rawId, child(where, 'id'), s.warnings, 200);
  else {
    s.warnings.add(
      'bad-id',
      child(where, 'id'),
      `an id must be text or a number, not ${describe(rawId)}; it was dropped`,
      `id 必须是文本或数字，不能是${describe(rawId, 'zh')}；已舍弃`,
    );
    return undefined;
  }
  if (typeof id === 'string' && DANGEROUS_KEYS.has(id)) {
    s.warnings.add(
      'proto-id',
      child(where, 'id'),
      `the id "${id}" could be mistaken for an object key; it was dropped`,
      `id“${id}”可能被误当作对象的内部键；已舍弃`,
    );
    return undefined;
  }
  const first = s.ids.get(id);
  if (first !== undefined) {
    s.warnings.add(
      'duplicate-id',
      child(where, 'id'),
      `the id ${JSON.stringify(clip(String(id), 40))} was already used by ${first}; it was dropped here`,
      `id ${JSON.stringify(clip(String(id), 40))} 已被 ${first} 使用；此处已舍弃`,
    );
    return undefined;
  }
  s.ids.set(id, where || 'the feature');
  return id;
}

function pushFeature(
  geometryRaw: unknown,
  properties: OverlayProperties,
  id: string | number | undefined,
  where: string,
  gWhere: string,
  s: State,
): void {
  if (geometryRaw === null) {
    s.warnings.add(
      'null-geometry',
      where,
      'a feature without a geometry (null) was skipped',
      '没有几何图形（null）的要素已跳过',
    );
    return;
  }
  if (!isObject(geometryRaw)) {
    s.problems.add(
      gWhere,
      `expected a geometry object or null, got ${describe(geometryRaw)}`,
      `应为几何对象或 null，实际是${describe(geometryRaw, 'zh')}`,
    );
    return;
  }
  if (geometryRaw.type === 'GeometryCollection') {
    const members = geometryRaw.geometries;
    if (!Array.isArray(members)) {
      s.problems.add(
        child(gWhere, 'geometries'),
        `expected a list of geometries, got ${describe(members)}`,
        `应为几何对象列表，实际是${describe(members, 'zh')}`,
      );
      return;
    }
    s.warnings.add(
      'exploded',
      gWhere,
      'a GeometryCollection was split into one feature per geometry',
      'GeometryCollection 已拆分为每个几何图形一个要素',
    );
    members.forEach((member, i) => {
      const mWhere = `${child(gWhere, 'geometries')}[${i}]`;
      if (isObject(member) && member.type === 'GeometryCollection')
        s.problems.add(
          mWhere,
          'a GeometryCollection inside a GeometryCollection is not supported (RFC 7946 §3.1.8)',
          '不支持 GeometryCollection 内嵌 GeometryCollection（RFC 7946 §3.1.8）',
        );
      else if (!isObject(member))
        s.problems.add(
          mWhere,
          `expected a geometry object, got ${describe(member)}`,
          `应为几何对象，实际是${describe(member, 'zh')}`,
        );
      else {
        const geometry = checkGeometry(member, mWhere, s.geometry);
        if (geometry) s.features.push({ type: 'Feature', geometry, properties: { ...properties } });
      }
    });
    return;
  }
  const geometry = checkGeometry(geometryRaw, gWhere, s.geometry);
  if (!geometry) return;
  const feature: OverlayFeature = { type: 'Feature', geometry, properties };
  if (id !== undefined) feature.id = id;
  s.features.push(feature);
}

function readFeature(raw: unknown, where: string, s: State): void {
  if (!isObject(raw)) {
    s.problems.add(
      where,
      `expected a Feature object, got ${describe(raw)}`,
      `应为 Feature 对象，实际是${describe(raw, 'zh')}`,
    );
    return;
  }
  if (raw.type !== 'Feature') {
    s.problems.add(
      child(where, 'type'),
      typeof raw.type === 'string'
        ? `expected "Feature", got "${clip(raw.type, 40)}"`
        : `expected "Feature", got ${describe(raw.type)}`,
      typeof raw.type === 'string'
        ? `应为“Feature”，实际是“${clip(raw.type, 40)}”`
        : `应为“Feature”，实际是${describe(raw.type, 'zh')}`,
    );
    return;
  }
  s.crsMember ??= checkCrsMember(raw, where, s.problems);
  if (!('geometry' in raw)) {
    s.problems.add(
      where,
      'the feature has no "geometry" member (use null for a feature without a location)',
      '该要素没有“geometry”成员（没有位置的要素请写 null）',
    );
    return;
  }
  const pWhere = child(where, 'properties');
  let properties: OverlayProperties = {};
  if (isObject(raw.properties)) properties = sanitizeProperties(raw.properties, pWhere, s.warnings);
  else if (raw.properties !== null && raw.properties !== undefined) {
    s.problems.add(
      pWhere,
      `properties must be an object or null, not ${describe(raw.properties)}`,
      `properties 必须是对象或 null，不能是${describe(raw.properties, 'zh')}`,
    );
    return;
  }
  pushFeature(raw.geometry, properties, readId(raw, where, s), where, child(where, 'geometry'), s);
}

export function parseGeojson(
  text: string,
  problems: Problems,
  warnings: Warnings,
  swap = false,
): ParseOutcome {
  if (text.trim() === '') {
    problems.add('', 'the file is empty', '文件是空的');
    return { ok: false };
  }
  const scan = scanJson(text, LIMITS, problems.lang);
  if (!scan.ok) {
    problems.add('', scan.error, scan.error);
    return { ok: false };
  }
  const parsed = parseJsonText(text, problems.lang);
  if (!parsed.ok) {
    problems.add('', parsed.error, parsed.error);
    return { ok: false };
  }
  const json = parsed.value;
  if (!isObject(json)) {
    problems.add(
      '',
      Array.isArray(json)
        ? 'expected a GeoJSON object, got a list; put features in a FeatureCollection'
        : `expected a GeoJSON object, got ${describe(json)}`,
      Array.isArray(json)
        ? '应为 GeoJSON 对象，实际是列表；请把要素放进 FeatureCollection'
        : `应为 GeoJSON 对象，实际是${describe(json, 'zh')}`,
    );
    return { ok: false };
  }
  const s: State = {
    problems,
    warnings,
    geometry: newGeometryContext(problems, warnings, swap),
    features: [],
    ids: new Map(),
  };
  s.crsMember = checkCrsMember(json, '', problems);
  const type = json.type;
  if (type === 'FeatureCollection') {
    const list = json.features;
    if (!Array.isArray(list)) {
      problems.add(
        'features',
        `expected a list of features, got ${describe(list)}`,
        `应为要素列表，实际是${describe(list, 'zh')}`,
      );
      return { ok: false };
    }
    if (list.length > LIMITS.maxFeatures) {
      problems.add(
        'features',
        `${formatCount(list.length)} features is more than the limit of ${formatCount(LIMITS.maxFeatures)}`,
        `${formatCount(list.length)} 个要素超过上限 ${formatCount(LIMITS.maxFeatures)}`,
      );
      return { ok: false };
    }
    for (let i = 0; i < list.length && !problems.full; i++)
      readFeature(list[i], `features[${i}]`, s);
  } else if (type === 'Feature') readFeature(json, '', s);
  else if (type === 'GeometryCollection' || isGeometryType(type))
    pushFeature(json, {}, undefined, '', '', s);
  else if (type === 'Topology')
    problems.add(
      'type',
      'this is TopoJSON, not GeoJSON; convert it first (e.g. with mapshaper)',
      '这是 TopoJSON，不是 GeoJSON；请先转换（例如用 mapshaper）',
    );
  else if (typeof type === 'string')
    problems.add(
      'type',
      `unknown GeoJSON type "${clip(type, 40)}" (expected FeatureCollection, Feature or a geometry type; names are case-sensitive)`,
      `未知的 GeoJSON 类型“${clip(type, 40)}”（应为 FeatureCollection、Feature 或几何类型；区分大小写）`,
    );
  else
    problems.add(
      '',
      'the object has no "type" member; is this GeoJSON?',
      '对象没有“type”成员；这是 GeoJSON 吗？',
    );

  const { swappedAt, numericPositions } = s.geometry;
  if (mostlySwapped(swappedAt.length, numericPositions)) {
    problems.add(
      '',
      `longitude and latitude look swapped: ${swappedAt.length} of ${numericPositions} positions read hold a latitude near Linhai (26…32) first and a longitude (117…124) second; GeoJSON wants [longitude, latitude]`,
      `经纬度似乎写反了：读到的 ${numericPositions} 个坐标点中有 ${swappedAt.length} 个先写临海一带的纬度（26…32）、后写经度（117…124）；GeoJSON 应为 [经度, 纬度]`,
    );
    return { ok: false, swapSuggested: true };
  }
  for (const where of swappedAt)
    problems.add(
      where,
      'longitude and latitude look swapped in this position ([latitude, longitude])',
      '这个坐标点的经纬度似乎写反了（写成了 [纬度, 经度]）',
    );
  if (problems.count > 0) return { ok: false };
  if (s.features.length === 0) {
    problems.add(
      '',
      warnings.has('null-geometry')
        ? 'no feature has a geometry; there is nothing to draw'
        : 'the file contains no features',
      warnings.has('null-geometry') ? '没有任何要素有几何图形，无可绘制' : '文件中没有要素',
    );
    return { ok: false };
  }
  if (s.features.length > LIMITS.maxFeatures) {
    problems.add(
      '',
      `${formatCount(s.features.length)} features is more than the limit of ${formatCount(LIMITS.maxFeatures)}`,
      `${formatCount(s.features.length)} 个要素超过上限 ${formatCount(LIMITS.maxFeatures)}`,
    );
    return { ok: false };
  }
  if (s.geometry.vertices > LIMITS.maxVertices) {
    problems.add(
      '',
      `${formatCount(s.geometry.vertices)} positions is more than the limit of ${formatCount(LIMITS.maxVertices)}`,
      `${formatCount(s.geometry.vertices)} 个坐标点超过上限 ${formatCount(LIMITS.maxVertices)}`,
    );
    return { ok: false };
  }
  return { ok: true, features: s.features, crsMember: s.crsMember };
}
