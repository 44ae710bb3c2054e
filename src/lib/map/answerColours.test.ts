import { describe, expect, it } from 'vitest';
import { LIGHT } from './theme';
import { deltaE, type Vision } from './test/colourVision';

/**
 * The report's map tells answer states apart by colour alone (the legend names them), on
 * dots a few pixels wide: every two states must look clearly different to everyone, also
 * with the commonest colour-vision deficiencies, and every state must stand out from the
 * ground it is drawn on. ΔE 15 is some six just-noticeable differences.
 */
const { ui } = LIGHT;
const STATES = {
  adopted: ui.stateAdopted,
  partly: ui.statePartly,
  rejected: ui.stateRejected,
  in_plan: ui.stateInPlan,
  studying: ui.stateStudying,
  unanswered: ui.stateUnanswered,
};
const GROUNDS = { land: LIGHT.land, sea: LIGHT.sea, linhai: LIGHT.cityFill };
const APART = 15;
const VISIONS: Vision[] = ['normal', 'protanopia', 'deuteranopia', 'tritanopia'];

describe("the answer states' colours", () => {
  it.each(VISIONS)('are told apart from each other with %s vision', (vision) => {
    const entries = Object.entries(STATES);
    for (const [i, [a, colourA]] of entries.entries())
      for (const [b, colourB] of entries.slice(i + 1))
        expect(deltaE(colourA, colourB, vision), `${a} / ${b}`).toBeGreaterThanOrEqual(APART);
  });

  it.each(VISIONS)('stand out from the land, the sea and Linhai with %s vision', (vision) => {
    for (const [state, colour] of Object.entries(STATES))
      for (const [ground, fill] of Object.entries(GROUNDS))
        expect(deltaE(colour, fill, vision), `${state} on ${ground}`).toBeGreaterThanOrEqual(APART);
  });

  it('the simulation itself: red and green, far apart to most, close to a deuteranope', () => {
    // The classic confusion pair, so a broken simulation cannot pass the tests above by accident.
    expect(deltaE('#d62728', '#2ca02c')).toBeGreaterThan(60);
    expect(deltaE('#d62728', '#2ca02c', 'deuteranopia')).toBeLessThan(
      deltaE('#d62728', '#2ca02c') / 3,
    );
  });
});
