import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalStore } from '../storage';
import { CommentDraft, DraftKeeper, DRAFT_SETTING, hasContent } from './draft';

const stores: LocalStore[] = [];
let n = 0;
async function keeperOnFreshStore() {
  const name = `draft-db-${++n}`;
  const store = await LocalStore.open({ name });
  stores.push(store);
  return { store, keeper: new DraftKeeper(store), name };
}
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

const draft = {
  lon: 121.15,
  lat: 28.85,
  kind: 'concern' as const,
  text: '临海站的换乘通道太远',
  section: '5.1',
  feature: 'linhai-station',
};
const at = new Date('2026-12-02T07:00:00Z');

describe('DraftKeeper', () => {
  it('keeps a draft across a reopened database (a reload)', async () => {
    const { keeper, name } = await keeperOnFreshStore();
    await keeper.save(draft, at);
    stores.pop()!.close();
    const reopened = await LocalStore.open({ name });
    stores.push(reopened);
    expect(await new DraftKeeper(reopened).load()).toEqual({ ...draft, saved: at.toISOString() });
  });

  it('has nothing before the first save and after discard', async () => {
    const { keeper } = await keeperOnFreshStore();
    expect(await keeper.load()).toBeNull();
    await keeper.save(draft, at);
    await keeper.discard();
    expect(await keeper.load()).toBeNull();
  });

  it('lets the last of many quick saves win, and a discard after them leaves nothing', async () => {
    const { keeper } = await keeperOnFreshStore();
    const typing = Array.from({ length: 30 }, (_, i) =>
      keeper.save({ ...draft, text: draft.text.slice(0, i % draft.text.length) + i }, at),
    );
    await Promise.all(typing);
    expect((await keeper.load())?.text).toBe(draft.text.slice(0, 29 % draft.text.length) + 29);
    void keeper.save({ ...draft, text: 'late' }, at);
    await keeper.discard();
    expect(await keeper.load()).toBeNull();
  });

  it('does not keep an empty form (no kind, no text)', async () => {
    const { keeper } = await keeperOnFreshStore();
    await keeper.save(draft, at);
    await keeper.save({ ...draft, kind: null, text: '  ' }, at);
    expect(await keeper.load()).toBeNull();
    expect(hasContent({ kind: 'idea', text: '' })).toBe(true);
  });

  it('refuses an invalid draft and keeps the stored one', async () => {
    const { keeper } = await keeperOnFreshStore();
    await keeper.save(draft, at);
    expect(() => keeper.save({ ...draft, lat: 91 }, at)).toThrow();
    expect(() => keeper.save({ ...draft, section: '<script>' }, at)).toThrow();
    expect((await keeper.load())?.text).toBe(draft.text);
  });

  it('keeps a text longer than a comment may be, as typed', async () => {
    const { keeper } = await keeperOnFreshStore();
    const long = '长'.repeat(1500);
    await keeper.save({ ...draft, text: long }, at);
    expect((await keeper.load())?.text).toBe(long);
  });

  it('sets aside an unreadable stored draft instead of crashing', async () => {
    const { store, keeper } = await keeperOnFreshStore();
    await store.setSetting(DRAFT_SETTING, { lon: 'east', text: 42 });
    expect(await keeper.load()).toBeNull();
    expect((await store.listQuarantine()).map((q) => q.key)).toContain(DRAFT_SETTING);
    expect(CommentDraft.safeParse({ ...draft, saved: 'yesterday' }).success).toBe(false);
  });
});
