import type { Geometry } from '../data/geojson';
import type { DatumEvidence } from './datum';

/** Coordinate systems an import may be in; everything is converted to WGS-84. */
export type Crs = 'WGS84' | 'GCJ02' | 'BD09';
export const CRS_CHOICES: readonly Crs[] = ['WGS84', 'GCJ02', 'BD09'];

export type ImportFormat = 'geojson' | 'csv';

/**
 * Property values after sanitising: nested objects and arrays arrive as their JSON text,
 * strings are NFC, free of bidi overrides and control characters, and capped in length.
 */
export type PropertyValue = string | number | boolean | null;
/** A plain object whose keys never include `__proto__`, `constructor` or `prototype`. */
export type OverlayProperties = Record<string, PropertyValue>;

export interface OverlayFeature {
  type: 'Feature';
  id?: string | number;
  geometry: Geometry;
  properties: OverlayProperties;
}

/** An RFC 7946 FeatureCollection: WGS-84, outer rings counter-clockwise, no foreign members. */
export interface OverlayCollection {
  type: 'FeatureCollection';
  features: OverlayFeature[];
}

/** [west, south, east, north] in degrees. */
export type BBox = [number, number, number, number];

export interface ImportStats {
  features: number;
  vertices: number;
  bbox: BBox;
}

export interface ImportInput {
  /** Pasted or already-decoded text. Ignored when `bytes` is given. */
  text?: string;
  /** Raw file contents; decoded as UTF-8 (or UTF-16 with a BOM), strictly. */
  bytes?: ArrayBuffer | Uint8Array;
  /** Used for format detection (.geojson/.json → GeoJSON, .csv/.tsv/.txt → CSV). */
  fileName?: string;
  format?: 'auto' | ImportFormat;
  /** The coordinate system the data is in; converted to WGS-84 after validation. */
  crs: Crs;
  /**
   * Read a CSV's longitude column as latitude and the other way round, or every GeoJSON
   * position as [latitude, longitude]: the user's answer to the check report's "longitude and
   * latitude look swapped".
   */
  swapLonLat?: boolean;
  /** Language of errors and warnings (JSON paths stay as they are). Default 'en'. */
  lang?: 'en' | 'zh';
}

export type ImportResult =
  | {
      ok: true;
      format: ImportFormat;
      collection: OverlayCollection;
      /** Plain sentences, each naming where the first case was found. */
      warnings: string[];
      stats: ImportStats;
      /** What the file says about its datum (null: nothing), for the check report. */
      datum: DatumEvidence | null;
      /** The data lies in China, where GCJ-02/BD-09 differ from WGS-84. */
      inChina: boolean;
    }
  | {
      ok: false;
      /** Plain sentences naming the JSON path or CSV line of the first problems. */
      errors: string[];
      /** The report offers to swap the file's longitude and latitude (CSV columns, GeoJSON positions). */
      swapSuggested?: boolean;
    };

/** What a parser hands to `importData`: WGS-84-range features, not yet converted. */
export type ParseOutcome =
  | {
      ok: true;
      features: OverlayFeature[];
      /** A GeoJSON `crs` member's name (WGS-84, GCJ-02 or BD-09 lon/lat). */
      crsMember?: string;
      /** The CSV header names the longitude and latitude were read from. */
      coordinateColumns?: [string, string];
    }
  | {
      ok: false;
      /** Longitude and latitude look swapped (most CSV rows, most GeoJSON positions). */
      swapSuggested?: boolean;
    };
