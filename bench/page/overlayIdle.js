/**
 * Runs in the page (read as text by bench/run.ts): resolves with the stamps of
 * armDialogStamps.js plus `idle`, the first map idle with the first overlay's source loaded.
 * @returns {Promise<Record<string, number>>}
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- run.ts evaluates this text in the page
function overlayIdle() {
  const map = window.linhaiMap;
  return new Promise((done) => {
    const check = () => {
      if (!map.getSource('overlay_ov1') || !map.isSourceLoaded('overlay_ov1')) return;
      map.off('idle', check);
      done({ ...window.__dialog, idle: performance.now() });
    };
    map.on('idle', check);
    map.triggerRepaint();
  });
}
