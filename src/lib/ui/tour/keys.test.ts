import { describe, expect, it } from 'vitest';
import { tourKeyAction, type TourKeyEvent } from './keys';

/** A stand-in element: `closest` answers from the selectors it is "inside". */
function element(inside: Record<string, unknown> = {}) {
  return {
    closest(selector: string) {
      for (const [sel, el] of Object.entries(inside)) if (selector.includes(sel)) return el;
      return null;
    },
  };
}

const press = (key: string, target: TourKeyEvent['target'] = null, mods = {}): TourKeyEvent => ({
  key,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  target,
  ...mods,
});

describe('tourKeyAction', () => {
  it('maps arrows, presenter-clicker PageUp/PageDown, Home/End and Esc', () => {
    expect(tourKeyAction(press('ArrowRight'))).toBe('next');
    expect(tourKeyAction(press('PageDown'))).toBe('next');
    expect(tourKeyAction(press('ArrowLeft'))).toBe('previous');
    expect(tourKeyAction(press('PageUp'))).toBe('previous');
    expect(tourKeyAction(press('Home'))).toBe('first');
    expect(tourKeyAction(press('End'))).toBe('last');
    expect(tourKeyAction(press('Escape'))).toBe('exit');
  });

  it('ignores other keys and modified presses (browser shortcuts stay)', () => {
    expect(tourKeyAction(press('a'))).toBeNull();
    expect(tourKeyAction(press('ArrowDown'))).toBeNull();
    expect(tourKeyAction(press('ArrowLeft', null, { altKey: true }))).toBeNull();
    expect(tourKeyAction(press('ArrowRight', null, { metaKey: true }))).toBeNull();
  });

  it('takes the keys on the map and in the tour dialog', () => {
    const tour = {};
    expect(tourKeyAction(press('ArrowRight', element()))).toBe('next');
    expect(tourKeyAction(press('Escape', element({ 'role="dialog"': tour })), tour)).toBe('exit');
  });

  it('leaves fields, the side panel and other dialogs alone', () => {
    expect(tourKeyAction(press('ArrowLeft', element({ input: {} })))).toBeNull();
    expect(tourKeyAction(press('PageDown', element({ '#side-panel': {} })))).toBeNull();
    expect(tourKeyAction(press('Escape', element({ 'role="dialog"': { card: true } })), {})).toBe(
      null,
    );
  });
});
