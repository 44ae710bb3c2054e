/**
 * Longitude and latitude written the other way round, as [latitude, longitude]: the one test
 * both importers (CSV rows, GeoJSON positions) use before offering the user to swap. Never
 * swapped silently: the check report asks.
 */

/** Around Linhai, generously (Zhejiang and its sea): where imported data is expected. */
export const AREA = { west: 117, south: 26, east: 124, north: 32 };

export const inArea = (lon: number, lat: number): boolean =>
  lon >= AREA.west && lon <= AREA.east && lat >= AREA.south && lat <= AREA.north;

/** A pair that is not near Linhai as written, but is once read the other way round. */
export const looksSwapped = (lon: number, lat: number): boolean =>
  !inArea(lon, lat) && inArea(lat, lon);

/** Most of a file looks swapped (not a stray row or position): offer to swap the whole file. */
export const mostlySwapped = (swapped: number, total: number): boolean =>
  swapped > 0 && swapped * 2 >= total;
