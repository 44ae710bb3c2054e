import type { Layer, Status, ZoneId } from '../data/features';

/**
 * How each plan layer is drawn: a colour and a one-character mark drawn inside point
 * symbols, so layers differ by more than colour (WCAG: no colour-only encoding).
 */
export interface LayerLook {
  colour: string;
  /** Character drawn inside the point symbol (local fonts). */
  mark: string;
  /** The same in English mode: a Latin letter, explained by the legend's layer names. */
  markEn: string;
}

export const LAYER_LOOK: Record<Layer, LayerLook> = {
  zones: { colour: '#8a6d4b', mark: '区', markEn: 'Z' },
  belt: { colour: '#b5523b', mark: '带', markEn: 'B' },
  platforms: { colour: '#7d5a9c', mark: '园', markEn: 'I' },
  logistics: { colour: '#c27c1e', mark: '流', markEn: 'L' },
  port: { colour: '#1f6f8b', mark: '港', markEn: 'P' },
  rail: { colour: '#3a3a3a', mark: '站', markEn: 'R' },
  expressways: { colour: '#b23a3a', mark: '高', markEn: 'E' },
  roads: { colour: '#c9902c', mark: '路', markEn: 'H' },
  airports: { colour: '#4a6fa5', mark: '机', markEn: 'A' },
  culture: { colour: '#a14f78', mark: '文', markEn: 'C' },
  ecology: { colour: '#4e7d45', mark: '绿', markEn: 'G' },
  water: { colour: '#2f7fb5', mark: '水', markEn: 'W' },
  utilities: { colour: '#66615a', mark: '能', markEn: 'U' },
  public: { colour: '#2b8a78', mark: '民', markEn: 'S' },
};

/** A layer's point mark in the UI language. */
export function layerMark(layer: Layer, lang: 'zh' | 'en'): string {
  return lang === 'en' ? LAYER_LOOK[layer].markEn : LAYER_LOOK[layer].mark;
}

/** The three zones of 一带三区, each with its own colour. */
export const ZONE_COLOURS: Record<ZoneId, string> = {
  'zone-east': '#3f7fa3',
  'zone-central': '#c48a45',
  'zone-west': '#5d8c4f',
};

/** Line dash per status: solid existing, long dashes under construction, dashes planned, dots proposed. */
export const STATUS_DASH: Record<Status, number[]> = {
  existing: [1, 0],
  under_construction: [4, 1.5],
  planned: [2.2, 1.6],
  proposed: [0.6, 1.6],
};
