/**
 * One theme for the whole map and the UI chrome around it. Layer functions take
 * their colours from here, so style, legend and CSS never drift apart.
 * Palette: muted paper and ink tones of a printed planning atlas.
 */
export interface Theme {
  sea: string;
  /** Beyond the coast data's extent: neither sea nor land, a neutral margin. */
  unmapped: string;
  land: string;
  countyFill: string;
  countyLine: string;
  cityFill: string;
  cityHalo: string;
  cityLine: string;
  coastline: string;
  seat: string;
  seatEstimated: string;
  labelInk: string;
  labelMuted: string;
  labelHalo: string;
  /** Outline of a selected or highlighted plan point. */
  emphasisStroke: string;
  /** The one-character mark on a solid (cited or schematic) plan point. */
  markInk: string;
  fontStack: string[];
}

export const LIGHT: Theme = {
  sea: '#d4e3ea',
  unmapped: '#f3f1ec',
  land: '#eeebe3',
  countyFill: '#e7e3d8',
  countyLine: '#b3ab9b',
  cityFill: '#fbfaf6',
  cityHalo: '#d9b9a0',
  cityLine: '#7b3a2c',
  coastline: '#93afbd',
  seat: '#3b3a36',
  seatEstimated: '#a0522d',
  labelInk: '#2a2926',
  labelMuted: '#8a8272',
  labelHalo: '#fbfaf6',
  emphasisStroke: '#111111',
  markInk: '#ffffff',
  // Local fonts only (no glyph server): a cascading CSS fallback list.
  fontStack: [
    'Noto Sans CJK SC',
    'WenQuanYi Micro Hei',
    'PingFang SC',
    'Microsoft YaHei',
    'Source Han Sans SC',
    'sans-serif',
  ],
};

/** The CSS font-family list matching the map's label fonts. */
export function cssFontFamily(theme: Theme): string {
  return theme.fontStack.map((f) => (f.includes(' ') ? `"${f}"` : f)).join(', ');
}
