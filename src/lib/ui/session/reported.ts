/**
 * Which comments this browser has reported in a session, kept in localStorage
 * beside the device token: the server counts a report once per device but does
 * not say which ones a device filed, so the button stays 已举报 after a reload.
 */

const key = (sid: string) => `linhai-reported-${sid}`;

type Store = Pick<Storage, 'getItem' | 'setItem'>;

export function reportedIds(sid: string, store: Store = localStorage): Set<string> {
  try {
    const kept: unknown = JSON.parse(store.getItem(key(sid)) ?? '[]');
    return new Set(Array.isArray(kept) ? kept.filter((x) => typeof x === 'string') : []);
  } catch {
    // A damaged entry only means the button may be offered again; the server still counts once.
    return new Set();
  }
}

export function rememberReported(
  sid: string,
  id: string,
  store: Store = localStorage,
): Set<string> {
  const ids = reportedIds(sid, store);
  ids.add(id);
  store.setItem(key(sid), JSON.stringify([...ids]));
  return ids;
}
