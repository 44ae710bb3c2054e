import type { Page } from '@playwright/test';

/** A symbol's box in the map's collision index, in CSS pixels of the map canvas. */
export interface SymbolBox {
  layers: string[];
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** A line label's collision circle (the box is its bounding square). */
  circle?: { x: number; y: number; r: number };
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
          circle: { x: x - pad, y: y - pad, r },
        });
      });
    }
    return out;
  });
}

/**
 * Whether two boxes overlap by more than `slack` px each way (touching edges do not count).
 * A circle is tested as a circle against a box, as MapLibre tests it: the corner of its
 * bounding square is not part of it.
 */
export function overlap(a: SymbolBox, b: SymbolBox, slack = 0.5): boolean {
  const boxes =
    Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > slack &&
    Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) > slack;
  if (!boxes) return false;
  if (a.circle && b.circle)
    return (
      Math.hypot(a.circle.x - b.circle.x, a.circle.y - b.circle.y) < a.circle.r + b.circle.r - slack
    );
  const [round, other] = a.circle ? [a.circle, b] : b.circle ? [b.circle, a] : [null, a];
  if (!round) return true;
  const dx = Math.max(other.x1 - round.x, 0, round.x - other.x2);
  const dy = Math.max(other.y1 - round.y, 0, round.y - other.y2);
  return Math.hypot(dx, dy) < round.r - slack;
}
