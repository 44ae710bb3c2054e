import type { Page } from '@playwright/test';

/** A symbol's box in the map's collision index, in CSS pixels of the map canvas. */
export interface SymbolBox {
  layers: string[];
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * The boxes MapLibre placed labels and marks in at the last placement: the collision index it
 * decides overlaps with (the same index `queryRenderedFeatures` answers symbol queries from).
 * Line labels are placed as runs of circles; each circle is reported as its bounding square.
 * Symbols placed with `*-ignore-placement` are in the index too (its ignored grid): they are
 * drawn, they just do not block others.
 *
 * This reads MapLibre internals (`style.placement.collisionIndex`), the one place the placed
 * boxes exist; `queryRenderedFeatures` only answers "which symbols touch this point". A
 * MapLibre upgrade that renames them makes this return nothing, which the callers assert
 * against, so it cannot pass silently.
 */
export async function symbolBoxes(page: Page): Promise<SymbolBox[]> {
  return page.evaluate(() => {
    const map = (window as any).linhaiMap;
    const placement = map.style.placement;
    const index = placement.collisionIndex;
    // The index's grid is offset by a padding around the viewport (MapLibre's `viewportPadding`).
    const pad = (index.screenRightBoundary - index.transform.width) as number;
    const layersOf = (key: any): string[] => {
      const q = placement.retainedQueryData[key.bucketInstanceId];
      return q ? (q.featureIndex.bucketLayerIDs[q.bucketIndex] as string[]) : [];
    };
    const out: any[] = [];
    for (const grid of [index.grid, index.ignoredGrid]) {
      grid.boxKeys.forEach((key: any, i: number) => {
        const [x1, y1, x2, y2] = grid.bboxes.slice(4 * i, 4 * i + 4);
        out.push({ layers: layersOf(key), x1: x1 - pad, y1: y1 - pad, x2: x2 - pad, y2: y2 - pad });
      });
      grid.circleKeys.forEach((key: any, i: number) => {
        const [x, y, r] = grid.circles.slice(3 * i, 3 * i + 3);
        out.push({
          layers: layersOf(key),
          x1: x - r - pad,
          y1: y - r - pad,
          x2: x + r - pad,
          y2: y + r - pad,
        });
      });
    }
    return out;
  });
}

/** Whether two boxes overlap by more than `slack` px each way (touching edges do not count). */
export function overlap(a: SymbolBox, b: SymbolBox, slack = 0.5): boolean {
  return (
    Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > slack &&
    Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) > slack
  );
}
