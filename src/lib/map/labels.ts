/**
 * Label text safe for MapLibre's local-font glyphs: the fullwidth left parenthesis
 * (U+FF08) renders as a blank with maplibre-gl 5.24, so parentheses become ASCII.
 */
export function mapLabel(text: string): string {
  return text.replace(/（/g, '(').replace(/）/g, ')');
}
