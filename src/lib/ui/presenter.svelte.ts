/**
 * Presenter (large-text) mode: for a projector at the back of a hall. Map labels, marks and
 * town dots grow by `PRESENTER_SCALE` (the map's `scale` global state) and the page's type
 * by the `presenter` class on <html> (app.css). The tour and a consultation's projector
 * screen switch it with `setPresenter`; the URL carries it as `present=1`.
 */
export const PRESENTER_SCALE = 1.6;

export const presenter = $state({ on: false });

/** Turn presenter mode on or off. */
export function setPresenter(on: boolean): void {
  presenter.on = on;
}

/** The map's label scale for the current mode. */
export function presenterScale(): number {
  return presenter.on ? PRESENTER_SCALE : 1;
}
