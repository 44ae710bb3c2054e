/**
 * What the app publishes under `data/`: names and titles only, so the UI can list
 * the open data without pulling the validation schemas into the browser bundle.
 */
export interface PublishedFile {
  /** File name inside `dist/data/` (and `/data/` in dev). */
  output: string;
  /** What the file is, for the open-data list. */
  title: string;
}

export const BASEMAP_FILES = {
  boundary: { output: 'boundary.geojson', title: '临海市行政界线' },
  counties: { output: 'counties.geojson', title: '台州市县级行政区' },
  land: { output: 'land.geojson', title: 'GSHHG 陆地' },
  coastline: { output: 'coastline.geojson', title: 'GSHHG 海岸线' },
  seats: { output: 'seats.geojson', title: '镇街驻地' },
  gazetteer: { output: 'gazetteer.geojson', title: '地名点（含出处与不确定范围）' },
} as const satisfies Record<string, PublishedFile>;

/** Every published file, in the order the open-data list shows them. */
export const PUBLISHED_FILES: PublishedFile[] = [...Object.values(BASEMAP_FILES)];

/**
 * Places the plan names that are not on the map, with why (`geodata/unplaced.json`, schema
 * `UnplacedList` in `unplaced.ts`). Not in `PUBLISHED_FILES` yet: the 数据 tab lists it.
 */
export const UNPLACED_FILE = {
  output: 'unplaced.json',
  title: '规划提及、尚未上图的地点',
} as const satisfies PublishedFile;
