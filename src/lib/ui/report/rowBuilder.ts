/**
 * Builds the 采纳情况 table's blocks of rows a few at a time instead of all at once.
 * At 20,000 comments the table has ~40,000 rows (~300,000 elements): building them
 * in one go held the page for over a second after its report had arrived. Now the
 * eager blocks are built at once (the table's top is never empty), the rest in short
 * slices after the first paint, in page order, a block that comes near the view
 * first, and every block that is still waiting at once before printing (paper shows
 * every row). `onComplete` says when the last one is in.
 */
export interface RowBuilder {
  /**
   * A block (added in page order): `build` fills it, now when `eager` (the top of the
   * table), else later; its return undoes that.
   */
  add(block: HTMLElement, build: () => () => void, eager: boolean): () => void;
  /** Builds every block still waiting, now. */
  flush(): void;
  destroy(): void;
}

interface Pending {
  block: HTMLElement;
  build: () => () => void;
  undo?: () => void;
}

export interface RowBuilderOptions {
  /** The longest a slice of background building holds the page, ms. */
  sliceMs: number;
  /** Whether every block added is built: false when one is queued, true when the last is built. */
  onComplete(complete: boolean): void;
}

export function rowBuilder(options: RowBuilderOptions): RowBuilder {
  const waiting: Pending[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frame: number | undefined;
  let complete = false;

  const build = (pending: Pending) => {
    const at = waiting.indexOf(pending);
    if (at < 0) return;
    waiting.splice(at, 1);
    observer?.unobserve(pending.block);
    pending.undo = pending.build();
  };
  const checkComplete = () => {
    if (waiting.length || complete) return;
    complete = true;
    options.onComplete(true);
  };
  const slice = () => {
    timer = undefined;
    const until = performance.now() + options.sliceMs;
    while (waiting.length && performance.now() < until) build(waiting[0]!);
    if (waiting.length) timer = setTimeout(slice, 0);
    else checkComplete();
  };
  /** After the page has painted what it has, so the first screen is not held back. */
  const schedule = () => {
    if (timer !== undefined || frame !== undefined || !waiting.length) return;
    frame = requestAnimationFrame(() => {
      frame = undefined;
      timer = setTimeout(slice, 0);
    });
  };

  // A block a reader scrolls (or jumps) to is built before the ones above it.
  const observer =
    typeof IntersectionObserver === 'function'
      ? new IntersectionObserver(
          (entries) => {
            for (const entry of entries) {
              if (!entry.isIntersecting) continue;
              const pending = waiting.find((p) => p.block === entry.target);
              if (pending) build(pending);
            }
            checkComplete();
          },
          { rootMargin: '1500px 0px' },
        )
      : undefined;

  const flush = () => {
    while (waiting.length) build(waiting[0]!);
    checkComplete();
  };
  addEventListener('beforeprint', flush);
  const print = matchMedia('print');
  const onPrintMedia = (e: MediaQueryListEvent) => e.matches && flush();
  print.addEventListener('change', onPrintMedia);

  return {
    add(block, fill, eager) {
      const pending: Pending = { block, build: fill };
      if (eager) {
        pending.undo = fill();
        // After the other blocks of this update have been added.
        queueMicrotask(checkComplete);
      } else {
        if (complete) options.onComplete((complete = false));
        waiting.push(pending);
        observer?.observe(block);
        schedule();
      }
      return () => {
        const at = waiting.indexOf(pending);
        if (at >= 0) waiting.splice(at, 1);
        observer?.unobserve(block);
        pending.undo?.();
      };
    },
    flush,
    destroy() {
      if (timer !== undefined) clearTimeout(timer);
      if (frame !== undefined) cancelAnimationFrame(frame);
      observer?.disconnect();
      removeEventListener('beforeprint', flush);
      print.removeEventListener('change', onPrintMedia);
      waiting.length = 0;
    },
  };
}
