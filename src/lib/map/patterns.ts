import { rgbOf, type Theme } from './theme';

/**
 * A diagonal hatch as raw RGBA pixels, for `fill-pattern` on schematic areas: the map
 * says "diagram, not survey" by texture as well as by colour.
 */
export function hatchPattern(theme: Theme, size = 8) {
  const rgb = rgbOf(theme.hatch);
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const onStripe = (x + y) % size < 1.5;
      const i = (y * size + x) * 4;
      data.set([...rgb, onStripe ? 200 : 0], i);
    }
  }
  return { width: size, height: size, data };
}
