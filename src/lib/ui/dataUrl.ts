/** Absolute URL of a published data file: MapLibre's worker cannot resolve relative ones. */
export function dataUrl(file: string): string {
  return new URL(`data/${file}`, document.baseURI).href;
}
