/**
 * UI the first view does not show — the feature card (with its notes, facts and
 * romanisation tables) and a stack's list — kept off the first load. Each loads on its
 * first use, and on idle after the map's first draw (`preloadLazyParts`), so by the time a
 * person clicks a place it is already here: no visible wait, and nothing touches the map.
 */

/** `load` once; after a failure (offline, chunk not cached) the next call tries again. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    }));
}

export const featureCard = once(() => import('../card/FeatureCard.svelte'));
export const stackList = once(() => import('../stack/StackList.svelte'));

/** Fetch every lazy part now (called on idle after the first draw). */
export function preloadLazyParts(): void {
  for (const load of [featureCard, stackList]) void load().catch(() => {});
}
