import { expect, type Page } from '@playwright/test';

/** Files for `setInputFiles`: a path, or a name with its contents. */
export type ImportFile = string | { name: string; mimeType: string; buffer: Buffer };

/** Open the import dialog from the top bar. */
export async function openImport(page: Page): Promise<void> {
  await page.getByTestId('import-button').click();
  await expect(page.getByTestId('import-dialog')).toBeVisible();
}

/** Choose a coordinate system in the open dialog. */
export async function chooseCrs(page: Page, crs: 'WGS84' | 'GCJ02' | 'BD09'): Promise<void> {
  await page.locator(`input[name="import-crs"][value="${crs}"]`).check();
}

/**
 * Choose a file in the open dialog and wait until the result shown is about that file
 * (the dialog checks a chosen file at once, in its worker).
 */
export async function chooseFile(page: Page, file: ImportFile, name: string): Promise<void> {
  await page.getByTestId('import-file').setInputFiles(file);
  await expect(page.getByTestId('import-result')).toHaveAttribute('data-checked', name, {
    timeout: 60_000,
  });
}

/** Resolves when MapLibre reports an `idle` map after the last change. */
export async function mapIdle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = (window as any).linhaiMap;
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
  );
}

/** Features of an overlay's source, as the map holds them (WGS-84, after conversion). */
export async function overlaySourceFeatures(page: Page, id: string): Promise<any[]> {
  return page.evaluate(async (source) => {
    const data = await (window as any).linhaiMap.getSource(source).getData();
    return data.features;
  }, `overlay_${id}`);
}

/** Features of an overlay drawn on the map now. */
export async function renderedOverlay(page: Page, id: string): Promise<number> {
  return page.evaluate((ov) => {
    const map = (window as any).linhaiMap;
    const layers = ['area', 'area_edge', 'line', 'point']
      .map((k) => `overlay_${ov}_${k}`)
      .filter((l) => map.getLayer(l));
    return layers.length ? map.queryRenderedFeatures({ layers }).length : 0;
  }, id);
}

/** Record CSP violations in the page (call before `page.goto`). */
export async function recordCspViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    (window as any).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as any).__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}`),
    );
  });
}
