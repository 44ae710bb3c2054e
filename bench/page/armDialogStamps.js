/**
 * Runs in the page (read as text by bench/run.ts, so no build tool renames anything): stamps
 * `performance.now()` into `window.__dialog` when the import dialog's file input changes
 * (`change`), when its result says the file can be imported (`checked`) and when 添加到地图 is
 * clicked (`add`).
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- run.ts evaluates this text in the page
function armDialogStamps() {
  const stamps = {};
  window.__dialog = stamps;
  const on = (type, test, key) =>
    document.addEventListener(
      type,
      (e) => {
        if (!(key in stamps) && test(e.target)) stamps[key] = performance.now();
      },
      { capture: true },
    );
  on('change', (el) => el.dataset.testid === 'import-file', 'change');
  on('click', (el) => Boolean(el.closest('button')?.textContent?.includes('添加到地图')), 'add');
  new MutationObserver((_, observer) => {
    const shown = document.querySelector('[data-testid="import-result"]');
    if (shown?.textContent?.includes('可以导入')) {
      stamps.checked = performance.now();
      observer.disconnect();
    }
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
}
