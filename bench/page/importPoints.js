/**
 * Runs in the page (read as text by bench/run.ts, so no build tool renames anything):
 * `n` pseudo-random points over 临海 added as a GeoJSON source and a circle layer through
 * `window.linhaiMap`, timed from addSource to the next idle with the source loaded, then
 * removed. The points are made before the clock starts.
 * @param {number} n
 * @returns {Promise<number>} milliseconds
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- run.ts evaluates this text in the page
async function importPoints(n) {
  const map = window.linhaiMap;
  let seed = 42;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const features = Array.from({ length: n }, (_, i) => ({
    type: 'Feature',
    properties: { id: i },
    geometry: { type: 'Point', coordinates: [120.82 + rnd() * 1.12, 28.64 + rnd() * 0.43] },
  }));
  const idle = (id) =>
    new Promise((done) => {
      const check = () => {
        if (map.getSource(id) && !map.isSourceLoaded(id)) return;
        map.off('idle', check);
        done();
      };
      map.on('idle', check);
      map.triggerRepaint();
    });
  const t0 = performance.now();
  map.addSource('bench_points', { type: 'geojson', data: { type: 'FeatureCollection', features } });
  map.addLayer({
    id: 'bench_points',
    type: 'circle',
    source: 'bench_points',
    paint: { 'circle-radius': 2.5, 'circle-color': '#8a2be2' },
  });
  await idle('bench_points');
  const ms = performance.now() - t0;
  map.removeLayer('bench_points');
  map.removeSource('bench_points');
  await idle('none');
  return ms;
}
