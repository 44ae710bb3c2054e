import type { Status } from '../data/features';

/**
 * The UI chrome's colours, by role. Each is also a CSS custom property declared statically in
 * src/app.css (`paper2` → `--paper-2`, see `cssVarName`), so the first paint needs no script;
 * theme.test.ts keeps the two equal and every `var(--…)` in the components declared.
 */
export interface UiPalette {
  /** The page and panel background. */
  paper: string;
  /** Quiet fills: buttons, quotes, table heads. */
  paper2: string;
  /** Form fields and tiles that stand out on the paper. */
  surface: string;
  ink: string;
  /** Secondary text; at ≥ 4.5:1 on paper. */
  muted: string;
  /** Hairlines and borders. */
  line: string;
  accent: string;
  /** Links and the second accent. */
  accent2: string;
  focus: string;
  danger: string;
  /** Text, rims and halos on or around a coloured fill (accent buttons, marks, crosshairs). */
  onAccent: string;
  /** A search hit or the quoted name in the reader. */
  highlight: string;
  /** The hovered or selected row of a list. */
  selectionTint: string;
  /** Anything about an estimated (approximately placed) position. */
  estimatedInk: string;
  /** Done: a delivered comment, a live session. */
  ok: string;
  /** Waiting: an unsent comment, a paused session. */
  warn: string;
  warnTint: string;
  dangerTint: string;
  /** Background of an informative box edged in `accent2`. */
  infoTint: string;
  /**
   * A comment's answer state on the report's map and bars (采纳, 部分采纳, 不采纳, 规划已有安排,
   * 研究中, 未答复): the Okabe–Ito colours, told apart in every colour vision (answerColours.test.ts).
   */
  stateAdopted: string;
  statePartly: string;
  stateRejected: string;
  stateInPlan: string;
  stateStudying: string;
  stateUnanswered: string;
}

/**
 * One theme for the whole map and the UI chrome around it. Layer functions take
 * their colours from here, so style, legend and CSS never drift apart.
 * Palette: muted paper and ink tones of a printed planning atlas.
 */
export interface Theme {
  ui: UiPalette;
  /** A plan status's text in the feature card; keyed by the data's enum, so none is missed. */
  status: Record<Status, string>;
  /** The analysis overlays, distinct from the plan layers' palette. */
  analysis: { buffer: string; circle: string; measure: string };
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
  /** Stripes over schematic areas (map pattern and legend swatch). */
  hatch: string;
  fontStack: string[];
}

const UI: UiPalette = {
  paper: '#fbfaf6',
  paper2: '#f3f0e8',
  surface: '#ffffff',
  ink: '#2a2926',
  muted: '#6f685b',
  line: '#ddd6c8',
  accent: '#7b3a2c',
  accent2: '#2f5d73',
  focus: '#1a5fb4',
  danger: '#a4262c',
  onAccent: '#ffffff',
  highlight: '#f6e3a1',
  selectionTint: '#f6ead8',
  estimatedInk: '#a0522d',
  ok: '#2e6b34',
  warn: '#8a5300',
  warnTint: '#fff4e0',
  dangerTint: '#fff6f5',
  infoTint: '#f4f8fa',
  stateAdopted: '#009e73',
  statePartly: '#56b4e9',
  stateRejected: '#d55e00',
  stateInPlan: '#0072b2',
  stateStudying: '#e69f00',
  stateUnanswered: '#bab5aa',
};

export const LIGHT: Theme = {
  ui: UI,
  status: {
    existing: '#2f6b3a',
    under_construction: '#8a5a00',
    planned: UI.accent2,
    proposed: UI.accent,
  },
  analysis: { buffer: UI.accent2, circle: '#6b4f8a', measure: '#b4461e' },
  sea: '#d4e3ea',
  unmapped: '#f3f1ec',
  land: '#eeebe3',
  countyFill: '#e7e3d8',
  countyLine: '#b3ab9b',
  cityFill: UI.paper,
  cityHalo: '#d9b9a0',
  cityLine: UI.accent,
  coastline: '#93afbd',
  seat: '#3b3a36',
  seatEstimated: UI.estimatedInk,
  labelInk: UI.ink,
  labelMuted: '#8a8272',
  labelHalo: UI.paper,
  emphasisStroke: '#111111',
  markInk: UI.onAccent,
  hatch: '#5a4632',
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

/** The CSS custom property of a UI colour: `paper2` → `--paper-2`, `onAccent` → `--on-accent`. */
export function cssVarName(token: keyof UiPalette): string {
  return `--${token.replace(/[A-Z0-9]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** `#rrggbb` as channels, for images drawn pixel by pixel (pins, patterns). */
export function rgbOf(colour: string): [number, number, number] {
  const n = parseInt(colour.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The CSS font-family list matching the map's label fonts. */
export function cssFontFamily(theme: Theme): string {
  return theme.fontStack.map((f) => (f.includes(' ') ? `"${f}"` : f)).join(', ');
}
