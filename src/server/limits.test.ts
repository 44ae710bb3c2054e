import { describe, expect, it } from 'vitest';
import { LoginThrottle, TokenBuckets } from './limits';

/** The limiters on a clock of our own, so back-off over minutes takes no time. */

const clock = () => {
  let t = 1_000_000;
  return { now: () => t, advance: (seconds: number) => (t += seconds * 1000) };
};

describe('TokenBuckets', () => {
  it('says how long to wait without taking a token', () => {
    const c = clock();
    const buckets = new TokenBuckets(2, 0.5, c.now);
    expect(buckets.wait('a')).toBe(0);
    expect(buckets.take('a')).toBe(0);
    expect(buckets.take('a')).toBe(0);
    expect(buckets.wait('a')).toBe(2);
    expect(buckets.wait('a')).toBe(2); // asking takes nothing
    c.advance(2);
    expect(buckets.wait('a')).toBe(0);
    buckets.dispose();
  });
});

describe('LoginThrottle', () => {
  const options = {
    freeFailures: 3,
    firstLockSeconds: 2,
    maxLockSeconds: 60,
    accountFailures: 10,
  };
  const fail = (throttle: LoginThrottle, key: string, times = 1) => {
    for (let i = 0; i < times; i++) throttle.attempt(key);
  };

  it('lets a key fail a few times, then doubles its wait up to the cap', () => {
    const c = clock();
    const throttle = new LoginThrottle(options, c.now);
    fail(throttle, 'stranger', 2);
    expect(throttle.wait('stranger')).toBe(0);
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      fail(throttle, 'stranger');
      waits.push(throttle.wait('stranger'));
      c.advance(waits.at(-1)!);
    }
    expect(waits).toEqual([2, 4, 8, 16, 32, 60, 60]);
  });

  it('locks only the failing key: another address or a known browser checks at once', () => {
    const c = clock();
    const throttle = new LoginThrottle(options, c.now);
    fail(throttle, 'ip:10.0.0.1', 8);
    expect(throttle.wait('ip:10.0.0.1')).toBeGreaterThan(0);
    expect(throttle.wait('browser:abc')).toBe(0);
    expect(throttle.wait('ip:10.0.0.2')).toBe(0);
  });

  it('starts a key afresh after a success', () => {
    const c = clock();
    const throttle = new LoginThrottle(options, c.now);
    fail(throttle, 'me', 2);
    throttle.attempt('me');
    throttle.succeeded('me');
    fail(throttle, 'me', 2);
    expect(throttle.wait('me')).toBe(0);
  });

  it('under a flood from many addresses, slows checks from clean keys one at a time and never refuses them', () => {
    const c = clock();
    const throttle = new LoginThrottle({ ...options, slowSeconds: 1 }, c.now);
    expect(throttle.delayMs('clean')).toBe(0);
    for (let i = 0; i < 12; i++) fail(throttle, `ip:10.1.0.${i}`);
    expect(throttle.underPressure()).toBe(true);
    expect(throttle.wait('clean')).toBe(0);
    expect([throttle.delayMs('a'), throttle.delayMs('b'), throttle.delayMs('c')]).toEqual([
      0, 1000, 2000,
    ]);
    // The pressure passes with the window.
    c.advance(901);
    expect(throttle.underPressure()).toBe(false);
    expect(throttle.delayMs('d')).toBe(0);
  });
});
