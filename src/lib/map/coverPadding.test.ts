import { describe, expect, it } from 'vitest';
import { paddingForCovers, panIntoFree } from './coverPadding';

const MAP = { left: 380, top: 60, right: 1280, bottom: 800 };

describe('paddingForCovers', () => {
  it('keeps the base padding when nothing covers the map', () => {
    expect(paddingForCovers(MAP, [], 60)).toEqual({ top: 60, right: 60, bottom: 60, left: 60 });
  });

  it('pushes the right edge past a card on the right', () => {
    const card = { left: 844, top: 76, right: 1224, bottom: 700 };
    expect(paddingForCovers(MAP, [card], 60)).toEqual({
      top: 60,
      right: 1280 - 844 + 60,
      bottom: 60,
      left: 60,
    });
  });

  it('lifts the bottom edge above a wide step card at the bottom', () => {
    const step = { left: 396, top: 500, right: 1264, bottom: 760 };
    expect(paddingForCovers(MAP, [step], 20).bottom).toBe(800 - 500 + 20);
  });

  it('ignores a panel outside the map and one that leaves no room', () => {
    const outside = { left: 0, top: 60, right: 380, bottom: 800 };
    const whole = { left: 380, top: 60, right: 1280, bottom: 800 };
    expect(paddingForCovers(MAP, [outside, whole], 10)).toEqual({
      top: 10,
      right: 10,
      bottom: 10,
      left: 10,
    });
  });

  it('combines two panels on different sides', () => {
    const card = { left: 900, top: 70, right: 1270, bottom: 500 };
    const step = { left: 390, top: 600, right: 1270, bottom: 790 };
    const pad = paddingForCovers(MAP, [card, step], 0);
    expect(pad.right).toBe(380);
    expect(pad.bottom).toBe(200);
  });

  it('on a phone, fits above a card that covers the lower half of the map strip', () => {
    // 390×844: the map strip under the top bar, the card over its lower part (measured).
    const strip = { left: 0, top: 80.6, right: 390, bottom: 500.5 };
    const card = { left: 8, top: 261.5, right: 382, bottom: 492.5 };
    const pad = paddingForCovers(strip, [card], 60);
    // The free area lies wholly above the card, and is still a usable size.
    expect(strip.bottom - pad.bottom).toBeLessThanOrEqual(card.top);
    expect(strip.bottom - pad.bottom - (strip.top + pad.top)).toBeGreaterThanOrEqual(120);
    // The margin shrinks only as far as needed: it stays the same on every side.
    expect(pad.top).toBeGreaterThan(0);
    expect(pad.left).toBe(pad.top);
    expect(pad.right).toBe(pad.top);
  });
});

describe('panIntoFree', () => {
  const size = { width: 900, height: 700 };
  const card = { top: 20, left: 20, bottom: 20, right: 420 };

  it('leaves a point alone that the panels do not cover', () => {
    expect(panIntoFree({ x: 200, y: 300 }, size, card)).toBeNull();
  });

  it('moves a covered point to the middle of the free area', () => {
    const [dx, dy] = panIntoFree({ x: 700, y: 300 }, size, card)!;
    // panBy([dx, dy]) moves the content by (−dx, −dy): the point lands at (250, 350).
    expect([700 - dx, 300 - dy]).toEqual([250, 350]);
  });
});
