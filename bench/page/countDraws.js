/**
 * Added to every page before its scripts (read as text by bench/run.ts): stamps each WebGL draw
 * call, so the bench sees when the map has really stopped drawing ("settled") and whether
 * anything redrew it after ready. `window.__draws` = { last, count, afterReady }.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- run.ts adds this text to the page
function countDraws() {
  const draws = { last: 0, count: 0, afterReady: 0 };
  window.__draws = draws;
  const names = ['drawElements', 'drawArrays', 'drawElementsInstanced', 'drawArraysInstanced'];
  for (const gl of [window.WebGLRenderingContext, window.WebGL2RenderingContext]) {
    if (!gl) continue;
    for (const name of names) {
      const original = gl.prototype[name];
      if (typeof original !== 'function') continue;
      gl.prototype[name] = function (...args) {
        draws.last = performance.now();
        draws.count++;
        if (window.__linhaiReady !== undefined) draws.afterReady++;
        return original.apply(this, args);
      };
    }
  }
}
