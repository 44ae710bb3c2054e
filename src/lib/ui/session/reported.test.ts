import { beforeEach, describe, expect, it } from 'vitest';
import { rememberReported, reportedIds } from './reported';

describe('reported comments on this browser', () => {
  // localStorage as the browser keeps it: strings by key.
  let store: Map<string, string>;
  const storage = {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
  };
  beforeEach(() => (store = new Map()));

  it('remembers a report per session, across reads (a reload)', () => {
    rememberReported('abc234', 'c1', storage);
    rememberReported('abc234', 'c2', storage);
    rememberReported('abc234', 'c1', storage);
    expect([...reportedIds('abc234', storage)].sort()).toEqual(['c1', 'c2']);
    expect(reportedIds('zzz777', storage).size).toBe(0);
  });

  it('treats a damaged entry as nothing reported instead of failing', () => {
    storage.setItem('linhai-reported-abc234', '{not json');
    expect(reportedIds('abc234', storage).size).toBe(0);
    storage.setItem('linhai-reported-abc234', '{"a":1}');
    expect(reportedIds('abc234', storage).size).toBe(0);
  });
});
