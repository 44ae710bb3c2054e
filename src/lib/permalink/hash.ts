import { SECTION_REF_PATTERN } from '../data/sectionRef';

/**
 * The URL hash of a view, OpenStreetMap style:
 * `#map=12.5/28.8500/121.1500&layers=zones,port&status=planned&year=2035&zone=zone-bay&feature=toumen-port&section=5.1&tab=reader&tour=3&lang=en`.
 * The filters (`status`, `year`, `zone`) and the open side-panel `tab` were added later:
 * older links simply lack them and still open as they did.
 *
 * `parseHash` never throws: every part is validated on its own and a part
 * that is garbage is left out, so the caller's defaults apply to it and the
 * valid parts still restore. `serialiseHash` writes the same format back.
 */

/** The camera: zoom 0–22, latitude and longitude in degrees (WGS-84). */
export interface HashView {
  zoom: number;
  lat: number;
  lon: number;
}

/** What the hash can carry. A missing field means "use the default". */
export interface HashState {
  map?: HashView;
  /** Visible layers, known ids only, in the order given, without duplicates. May be empty. */
  layers?: string[];
  /** Selected feature id. */
  feature?: string;
  /** Open plan section ("5.1", "box5", "fn1"). */
  section?: string;
  /** Tour step, 1-based (as shown: "step 3 of 6"). */
  tour?: number;
  lang?: 'zh' | 'en';
  /** Status filter: known statuses only, without duplicates; absent = every status. */
  status?: string[];
  /** Target-year filter ("2025", "2035", or a word such as "none"); absent = every year. */
  year?: string;
  /** Zone filter: a zone feature id; absent = every zone. */
  zone?: string;
  /** The open side-panel tab; absent = the default tab (or the reader when `section` is set). */
  tab?: string;
  /** Presenter (large-text) mode: `present=1`. Only `true` is ever stored. */
  present?: true;
  /** Consultation session code (`#session=k7m2qx`, the join link). */
  session?: string;
  /** A full-screen session screen: the join QR code or the projector view. */
  screen?: 'qr' | 'projector';
  /** The facilitator's entry (`#host`): the 主持人 login and tools. Only `true` is ever stored. */
  host?: true;
  /** A session's report page (`#report=k7m2qx`, 意见采纳情况). */
  report?: string;
}

/** What a hash may refer to. Only `layers` is required; the others tighten the checks when given. */
export interface HashKnown {
  layers: readonly string[];
  features?: { has(id: string): boolean };
  sections?: ReadonlySet<string>;
  /** Number of tour steps; `tour` must then be 1…tourSteps. */
  tourSteps?: number;
  /** Status ids the filter knows. */
  statuses?: readonly string[];
  /** Target-year values the filter knows, as written in the hash ("2025"). */
  years?: readonly string[];
  /** Zone feature ids. */
  zones?: ReadonlySet<string>;
  /** Side-panel tab ids. */
  tabs?: readonly string[];
}

export const MIN_ZOOM = 0;
export const MAX_ZOOM = 22;
/** Values longer than this are garbage, whatever they hold. */
const MAX_VALUE_LENGTH = 512;
/** A plain decimal: no exponent, no hex, no Infinity, at most 3 integer digits. */
const DECIMAL = /^-?\d{1,3}(\.\d{1,12})?$/;
const FEATURE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const TOUR_STEP = /^\d{1,3}$/;
const WORD = /^[a-z][a-z_]{0,31}$/;
const YEAR = /^(\d{4}|[a-z]{1,16})$/;
/** Lowercase base32, as the server makes them (src/lib/consultation/api.ts). */
const SESSION_CODE = /^[a-z2-7]{6}$/;

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

function decimal(text: string, min: number, max: number): number | undefined {
  if (!DECIMAL.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) && value >= min && value <= max ? value : undefined;
}

/** `zoom/lat/lon` → a view, or undefined if any of the three is out of range. */
export function parseView(text: string): HashView | undefined {
  const parts = text.split('/');
  if (parts.length !== 3) return undefined;
  const zoom = decimal(parts[0]!, MIN_ZOOM, MAX_ZOOM);
  const lat = decimal(parts[1]!, -90, 90);
  const lon = decimal(parts[2]!, -180, 180);
  if (zoom === undefined || lat === undefined || lon === undefined) return undefined;
  // Normalise -0 so that round trips compare equal.
  return { zoom: zoom + 0, lat: lat + 0, lon: lon + 0 };
}

function parseLayers(text: string, known: readonly string[]): string[] | undefined {
  if (text === '') return [];
  const ids = text.split(',').filter((id) => known.includes(id));
  return ids.length > 0 ? [...new Set(ids)] : undefined;
}

function parseFeature(text: string, known?: { has(id: string): boolean }): string | undefined {
  if (!FEATURE_ID.test(text)) return undefined;
  return !known || known.has(text) ? text : undefined;
}

function parseSection(text: string, known?: ReadonlySet<string>): string | undefined {
  if (!SECTION_REF_PATTERN.test(text)) return undefined;
  return !known || known.has(text) ? text : undefined;
}

/** A comma list of words, each known (or word-shaped when nothing is known); none valid → undefined. */
function parseWords(text: string, known?: readonly string[]): string[] | undefined {
  const ids = text.split(',').filter((id) => (known ? known.includes(id) : WORD.test(id)));
  return ids.length > 0 ? [...new Set(ids)] : undefined;
}

/** One value matching `pattern` and, when a list is known, in it. */
function parseOne(
  text: string,
  pattern: RegExp,
  known?: readonly string[] | ReadonlySet<string>,
): string | undefined {
  if (!pattern.test(text)) return undefined;
  if (!known) return text;
  const ok = 'has' in known ? known.has(text) : known.includes(text);
  return ok ? text : undefined;
}

function parseTour(text: string, steps?: number): number | undefined {
  if (!TOUR_STEP.test(text)) return undefined;
  const step = Number(text);
  if (step < 1) return undefined;
  return steps === undefined || step <= steps ? step : undefined;
}

/**
 * Read a URL hash (with or without the leading `#`). Never throws; any part
 * that is not valid is omitted. Unknown keys are ignored; for a repeated key
 * the first valid value wins. A bare `#zoom/lat/lon` (svelte-maplibre style)
 * is read as `map=`.
 * @example parseHash('#map=12/28.85/121.15&lang=en', { layers: LAYERS })
 *   // { map: { zoom: 12, lat: 28.85, lon: 121.15 }, lang: 'en' }
 */
export function parseHash(hash: unknown, known: HashKnown): HashState {
  const state: HashState = {};
  if (typeof hash !== 'string') return state;
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (body === '') return state;

  for (const part of body.split('&')) {
    const eq = part.indexOf('=');
    if (part === 'host') {
      state.host = true;
      continue;
    }
    if (eq < 0) {
      // Legacy `#zoom/lat/lon`.
      const view = part.length <= MAX_VALUE_LENGTH ? parseView(part) : undefined;
      if (view && !state.map) state.map = view;
      continue;
    }
    const key = decode(part.slice(0, eq));
    const raw = part.slice(eq + 1);
    if (raw.length > MAX_VALUE_LENGTH) continue;
    const value = decode(raw);
    if (key === undefined || value === undefined) continue;

    switch (key) {
      case 'map':
        state.map ??= parseView(value);
        break;
      case 'layers':
        state.layers ??= parseLayers(value, known.layers);
        break;
      case 'feature':
        state.feature ??= parseFeature(value, known.features);
        break;
      case 'section':
        state.section ??= parseSection(value, known.sections);
        break;
      case 'tour':
        state.tour ??= parseTour(value, known.tourSteps);
        break;
      case 'lang':
        if (!state.lang && (value === 'zh' || value === 'en')) state.lang = value;
        break;
      case 'status':
        state.status ??= parseWords(value, known.statuses);
        break;
      case 'year':
        state.year ??= parseOne(value, YEAR, known.years);
        break;
      case 'zone':
        state.zone ??= parseOne(value, FEATURE_ID, known.zones);
        break;
      case 'tab':
        state.tab ??= parseOne(value, WORD, known.tabs);
        break;
      case 'present':
        if (value === '1') state.present = true;
        break;
      case 'session':
        if (!state.session && SESSION_CODE.test(value)) state.session = value;
        break;
      case 'report':
        if (!state.report && SESSION_CODE.test(value)) state.report = value;
        break;
      case 'screen':
        if (!state.screen && (value === 'qr' || value === 'projector')) state.screen = value;
        break;
      default:
        break;
    }
  }
  // `??=` may have stored `undefined`; drop such keys so the state stays minimal.
  for (const k of Object.keys(state) as (keyof HashState)[]) {
    if (state[k] === undefined) delete state[k];
  }
  return state;
}

/**
 * Decimal places for latitude/longitude at a zoom, as OpenStreetMap does:
 * enough to place the centre within about a pixel, 2 at world scale up to 5
 * at street scale.
 */
export function coordinateDecimals(zoom: number): number {
  return Math.min(5, Math.max(2, Math.round(zoom / 4) + 1));
}

function fixed(value: number, decimals: number): string {
  const text = value.toFixed(decimals);
  // No "-0.00".
  return Number(text) === 0 ? (0).toFixed(decimals) : text;
}

/** `zoom/lat/lon` with the zoom to 2 decimals (trailing zeros dropped) and coordinates by zoom. */
export function serialiseView(view: HashView): string {
  // Decimals follow the zoom as written, so that reading the hash back and writing it again is stable.
  const zoom = Number(Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, view.zoom)).toFixed(2));
  const decimals = coordinateDecimals(zoom);
  return [String(zoom), fixed(view.lat, decimals), fixed(view.lon, decimals)].join('/');
}

/**
 * Write a state as a hash, `#` included, parts in a fixed order; `''` if the
 * state is empty. Values are URI-encoded except for `/` and `,`.
 */
export function serialiseHash(state: HashState): string {
  const enc = (value: string) =>
    encodeURIComponent(value).replace(/%2F/gi, '/').replace(/%2C/gi, ',');
  const parts: string[] = [];
  // The session first: the join link reads `#session=k7m2qx`.
  if (state.session !== undefined) parts.push(`session=${enc(state.session)}`);
  if (state.screen !== undefined) parts.push(`screen=${state.screen}`);
  if (state.host) parts.push('host');
  if (state.report !== undefined) parts.push(`report=${enc(state.report)}`);
  if (state.map) parts.push(`map=${serialiseView(state.map)}`);
  if (state.layers) parts.push(`layers=${enc(state.layers.join(','))}`);
  if (state.status?.length) parts.push(`status=${enc(state.status.join(','))}`);
  if (state.year !== undefined) parts.push(`year=${enc(state.year)}`);
  if (state.zone !== undefined) parts.push(`zone=${enc(state.zone)}`);
  if (state.feature !== undefined) parts.push(`feature=${enc(state.feature)}`);
  if (state.section !== undefined) parts.push(`section=${enc(state.section)}`);
  if (state.tab !== undefined) parts.push(`tab=${enc(state.tab)}`);
  if (state.tour !== undefined) parts.push(`tour=${String(state.tour)}`);
  if (state.lang !== undefined) parts.push(`lang=${state.lang}`);
  if (state.present) parts.push('present=1');
  return parts.length > 0 ? `#${parts.join('&')}` : '';
}
