import { parseCommentsFile, type Comment } from '../../comments';
import type {
  AnswerRequest,
  AuditEntry,
  CreateSessionRequest,
  DeviceSummary,
  Session,
  SessionEvent,
  SessionFocus,
} from '../../consultation/api';
import { ApiFailure, ConsultationApi } from '../../consultation/apiClient';
import { MAX_TIMER_MS } from '../../consultation/deadline';
import { LiveFeed } from '../../consultation/live';
import { Outbox } from '../../consultation/outbox';
import {
  addsAuditEntry,
  applyEvent,
  resumeId,
  viewFromList,
  type EventOutcome,
} from '../../consultation/sessionView';
import { LAYERS, type Layer } from '../../data/layers';
import { registerFacilitatorStrings } from '../../i18n/facilitatorStrings';
import { LocalStore } from '../../storage';
import { IdbOutboxPersistence } from '../../storage/outboxStore';
import { app } from '../appState.svelte';
import { comments, commentAdded, startComments } from '../comments/commentsState.svelte';
import { writeHash } from '../permalink';
import { tr } from '../tr.svelte';
import { receiveAgenda, resetAgenda } from './agendaState.svelte';
import { rememberReported } from './reported';
import { sessionModel } from './sessionModel.svelte';

/**
 * The consultation session on this page: finds the server, joins `#session=…`
 * (device token, focus, comments, live feed, outbox) and runs the facilitator's
 * actions. Loaded with the session code, after the first draw or at once for a
 * join link. Everything it learns goes into `sessionModel`.
 */

export const api = new ConsultationApi();

/**
 * The deadline passes on this page as it does on the server: the joined session
 * stops taking comments at its `closesAt` (what the server would answer if asked
 * then), so placing a pin and sending say so instead of failing later.
 */
$effect.root(() => {
  $effect(() => {
    const session = sessionModel.session;
    if (!session?.open || !session.closesAt) return;
    const end = Date.parse(session.closesAt);
    let timer: ReturnType<typeof setTimeout>;
    const check = () => {
      const left = end - Date.now();
      if (left > 0) timer = setTimeout(check, Math.min(left, MAX_TIMER_MS));
      else if (sessionModel.session === session) sessionModel.session = { ...session, open: false };
    };
    check();
    return () => clearTimeout(timer);
  });
});
// Every facilitator screen imports this module: their Chinese strings arrive with it, not on the first load.
registerFacilitatorStrings();

/** The logged-in facilitator's account name (here, not in sessionModel: the first load has no room left). */
export const account = $state<{ name: string | null }>({ name: null });

/** The device token of a session, kept on this browser (one per session, never a name). */
const tokenKey = (sid: string) => `linhai-device-${sid}`;

let outbox: Outbox | null = null;
let live: LiveFeed | null = null;
let joined: string | null = null;
let localStore: Promise<LocalStore> | null = null;

/** A failure in the UI language: the server's own sentence when it gave one. */
export function describeFailure(error: unknown): string {
  if (error instanceof ApiFailure) {
    if (error.status === 0) return tr('session.error.unreachable');
    return failureText(error.code, error.message, error.retryAfterMs);
  }
  return error instanceof Error ? error.message : String(error);
}

/** The answers whose meaning the code alone fixes, in the page's language. */
const CODE_TEXT = {
  csrf: 'session.error.csrf',
  session_closed: 'session.error.sessionClosed',
  session_full: 'session.error.sessionFull',
  device_muted: 'session.error.deviceMuted',
  own_comment: 'session.error.ownComment',
  too_large: 'session.error.tooLarge',
  last_facilitator: 'session.error.lastFacilitator',
  internal: 'session.error.internal',
} as const;

/**
 * A refusal in the page's language: the server writes its sentences in English, so a code
 * with a fixed meaning is said in our own words; the rest (a field's reason, a route's own
 * answer) keep the server's sentence, which names what was wrong.
 */
export function failureText(code: string | undefined, message: string, retryAfterMs?: number) {
  if (code === 'rate_limited')
    return tr('session.error.rateLimited', {
      seconds: Math.max(1, Math.ceil((retryAfterMs ?? 1000) / 1000)),
    });
  if (code && code in CODE_TEXT) return tr(CODE_TEXT[code as keyof typeof CODE_TEXT]);
  return message;
}

/** Settles once `detectServer` knows whether there is a server. */
let serverKnown: Promise<void> | null = null;

/**
 * Ask whether a consultation server is behind this page, and who we are to it.
 * First `./consultation.json`, which the static build ships as `{ "server": false }`
 * and the server answers with `true`, so a plain file server (or the offline
 * cache) is recognised without a failing request; then `/api/health`.
 */
export function detectServer(): Promise<void> {
  serverKnown ??= probe();
  return serverKnown;
}

async function probe(): Promise<void> {
  if (!import.meta.env.DEV) {
    const marker: unknown = await fetch('./consultation.json', { cache: 'no-store' })
      .then((r) => (r.ok ? r.json() : null))
      .catch(() => null);
    const server =
      typeof marker === 'object' && marker !== null && (marker as { server?: unknown }).server;
    if (server !== true) {
      sessionModel.server = 'none';
      return;
    }
  }
  try {
    const health = await api.health();
    sessionModel.server = 'server';
    sessionModel.database = health.database;
  } catch {
    // The marker said there is a server (it may be restarting); in dev, Vite without the API.
    sessionModel.server = import.meta.env.DEV ? 'none' : 'server';
    return;
  }
  await refreshFacilitator();
}

export async function refreshFacilitator(): Promise<void> {
  try {
    const me = await api.me();
    sessionModel.facilitator = me.facilitator;
    account.name = me.username ?? null;
  } catch {
    sessionModel.facilitator = false;
    account.name = null;
  }
}

/** Join (or switch to) the session in `sessionModel.sid`; leave when it is null. */
export async function syncSession(): Promise<void> {
  await detectServer();
  const sid = sessionModel.sid;
  if (sid === joined) return;
  leave();
  if (!sid) return;
  joined = sid;
  if (sessionModel.server === 'none') {
    // A join link opened on the static build: nothing to join, comments stay here.
    sessionModel.joinError = tr('session.error.noServer');
    return;
  }
  await join(sid);
}

function leave(): void {
  outbox?.stop();
  live?.stop();
  outbox = null;
  live = null;
  joined = null;
  if (commentAdded.includes(onCommentAdded)) {
    commentAdded.splice(commentAdded.indexOf(onCommentAdded), 1);
  }
  sessionModel.session = null;
  sessionModel.view = null;
  sessionModel.joinError = null;
  sessionModel.delivery = new Map();
  sessionModel.refusals = new Map();
  sessionModel.removed = new Set();
  sessionModel.supported = new Set();
  sessionModel.pending = 0;
  sessionModel.reachable = true;
  resetAgenda();
}

async function join(sid: string): Promise<void> {
  let session: Session;
  try {
    session = await api.session(sid);
  } catch (error) {
    if (joined !== sid) return;
    sessionModel.joinError =
      error instanceof ApiFailure && error.status === 404
        ? tr('session.error.notFound', { code: sid })
        : describeFailure(error);
    // The server may just be restarting: try again, comments stay local meanwhile.
    if (error instanceof ApiFailure && error.unreachable) {
      setTimeout(() => {
        if (joined === sid) {
          joined = null;
          void syncSession();
        }
      }, 3_000);
    }
    return;
  }
  if (joined !== sid) return;
  sessionModel.joinError = null;
  sessionModel.session = session;
  const focused = applyFocusWhenReady(session.focus);

  // Comments first, so the outbox finds the ones it has to send.
  await startComments();
  const list = await api.comments(sid).catch(() => ({ comments: [], lastSeq: 0, epoch: '' }));
  if (joined !== sid) return;
  sessionModel.view = viewFromList(list, session);
  // After the list: the live feed replays any later change. A late joiner opens on the current topic.
  void api.agenda(sid).then(
    (agenda) => (joined === sid ? receiveAgenda(agenda, focused) : undefined),
    () => {},
  );

  live = new LiveFeed({
    url: (resume) => api.url(`/api/sessions/${sid}/events?after=${encodeURIComponent(resume)}`),
    resumeFrom: () => (sessionModel.view ? resumeId(sessionModel.view) : '0'),
    onEvent,
    onReload: () => reloadView(sid),
    onState: (state, previous) => {
      sessionModel.live = state;
      if (state === 'open' && previous === 'down') void caughtUp(sid);
    },
  });
  live.start();

  const token = await deviceToken(sid).catch(() => null);
  if (joined !== sid) return;
  const store = await (localStore ??= LocalStore.open());
  outbox = new Outbox({
    sessionId: sid,
    persistence: new IdbOutboxPersistence(store.db),
    transport: {
      send: async (comment) => {
        const device = await deviceToken(sid);
        performance.mark('linhai:comment-send');
        return api.putComment(sid, device, comment);
      },
      missing: async (ids) => api.missing(sid, await deviceToken(sid), ids),
    },
    comment: (id) => comments.comments.find((c) => c.id === id),
    onChange: () => publishOutbox(),
  });
  if (!commentAdded.includes(onCommentAdded)) commentAdded.push(onCommentAdded);
  if (token === null) sessionModel.reachable = false;
  else void loadSupported(sid, token);
  await outbox.start();
}

/** The device token for a session: kept in localStorage, asked from the server once. */
async function deviceToken(sid: string): Promise<string> {
  const kept = localStorage.getItem(tokenKey(sid));
  if (kept) return kept;
  const token = await api.device(sid);
  localStorage.setItem(tokenKey(sid), token);
  return token;
}

function onCommentAdded(comment: Comment): void {
  if (sessionModel.closed) return;
  void outbox?.enqueue([comment]);
}

function publishOutbox(): void {
  if (!outbox) return;
  const entries = [...outbox.entries.values()];
  sessionModel.delivery = new Map(entries.map((e) => [e.id, e.state] as const));
  sessionModel.refusals = new Map(
    entries.flatMap((e) =>
      e.state === 'refused' && e.error ? [[e.id, failureText(e.code, e.error)] as const] : [],
    ),
  );
  sessionModel.pending = outbox.pending;
  sessionModel.reachable = outbox.reachable;
  // Refused as closed while this page thought it open (a phone's clock behind the server's): ask again.
  const refusedClosed = entries.filter((e) => e.state === 'refused' && e.code === 'session_closed');
  if (!sessionModel.closed && refusedClosed.some((e) => !askedAfter.has(e.id))) {
    for (const e of refusedClosed) askedAfter.add(e.id);
    void refreshSession();
  }
}

/** Refusals as closed that already made this page ask the server for the session (not state: nothing shows it). */
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const askedAfter = new Set<string>();

async function refreshSession(): Promise<void> {
  const sid = joined;
  if (!sid) return;
  const session = await api.session(sid).catch(() => null);
  if (session && joined === sid) sessionModel.session = session;
}

function onEvent(event: SessionEvent): EventOutcome {
  const view = sessionModel.view;
  if (!view) return 'duplicate';
  const { view: next, outcome } = applyEvent(view, event);
  if (outcome !== 'applied') return outcome;
  const audited = sessionModel.facilitator && addsAuditEntry(view, event);
  sessionModel.view = next;
  if (audited) sessionModel.auditVersion++;
  if (event.type === 'hide' && !event.comment && event.commentId) {
    sessionModel.removed = new Set([...sessionModel.removed, event.commentId]);
  }
  if (event.type === 'restore' && event.comment) {
    const back = event.comment.id;
    sessionModel.removed = new Set([...sessionModel.removed].filter((id) => id !== back));
  }
  if (event.type === 'session' && event.session) {
    const wasClosed = sessionModel.closed;
    sessionModel.session = event.session;
    // Reopened: what was refused as "closed" can go now.
    if (wasClosed && event.session.open) void resendRefused();
  }
  if (event.type === 'agenda' && event.agenda) void receiveAgenda(event.agenda);
  if (event.type === 'comment' && event.comment && !sessionModel.delivery.has(event.comment.id)) {
    app.announcement = tr('session.newPin', { text: event.comment.text.slice(0, 60) });
  }
  return outcome;
}

/**
 * The live feed is back after being down: the outbox checks what the server
 * lacks, and if the server lost events (a restart without fsync) the view is
 * rebuilt from its list rather than trusting our higher seq.
 */
async function caughtUp(sid: string): Promise<void> {
  void outbox?.reconcile();
  try {
    const list = await api.comments(sid);
    if (joined !== sid || !sessionModel.view) return;
    if (list.lastSeq < sessionModel.view.lastSeq) {
      sessionModel.view = viewFromList(list, sessionModel.session ?? undefined);
      live?.reconnect();
    }
  } catch {
    // Still shaky: the next reopen checks again.
  }
}

/**
 * The server cannot resume our view (its database was restored or lost its
 * last changes, so its numbers mean other events now): rebuild the view from
 * its list, and let the outbox re-send what the server no longer has.
 */
async function reloadView(sid: string): Promise<void> {
  const list = await api.comments(sid);
  if (joined !== sid) return;
  sessionModel.view = viewFromList(list, sessionModel.session ?? undefined);
  void outbox?.reconcile();
}

async function resendRefused(): Promise<void> {
  if (!outbox) return;
  const again = [...outbox.entries.values()]
    .filter((e) => e.state === 'refused' && e.code === 'session_closed')
    .map((e) => comments.comments.find((c) => c.id === e.id))
    .filter((c): c is Comment => c !== undefined);
  await outbox.enqueue(again, { resend: true });
}

/** Try the outbox now (the browser says it is online again). */
export function retryNow(): void {
  void outbox?.flush();
  live?.reconnect();
}

/** Show the session's focus on the map once the app has applied its own link. */
async function applyFocusWhenReady(focus: SessionFocus): Promise<void> {
  while (!(app.mapReady && app.features && app.plan && app.map)) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // After the app's own hash handling, which runs in the same tick as the data arriving.
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (focus.layers?.length) {
    const wanted = new Set(focus.layers);
    app.visibleLayers = LAYERS.filter((l: Layer) => wanted.has(l));
  }
  if (focus.view) {
    app.map!.jumpTo({ center: [focus.view.lon, focus.view.lat], zoom: focus.view.zoom });
  }
  if (focus.sections?.length) app.openSection = focus.sections[0]!;
  app.panel = 'comments';
  app.panelOpen = true;
}

/** The map's current view, layers and open section, as a new session's focus. */
export function currentFocus(): SessionFocus {
  const focus: SessionFocus = { layers: [...app.visibleLayers] };
  const map = app.map;
  if (map) {
    const c = map.getCenter();
    focus.view = {
      zoom: Math.round(map.getZoom() * 100) / 100,
      lat: Math.round(c.lat * 1e5) / 1e5,
      lon: Math.round(c.lng * 1e5) / 1e5,
    };
  }
  if (app.openSection && /^(\d+(\.\d+)*|box\d+)$/.test(app.openSection)) {
    focus.sections = [app.openSection];
  }
  return focus;
}

// Facilitator actions. Each throws ApiFailure with the server's sentence.

export async function login(username: string, password: string): Promise<void> {
  const me = await api.login(username, password);
  sessionModel.facilitator = me.facilitator;
  account.name = me.username ?? null;
  if (sessionModel.sid) resubscribe();
}

export async function logout(): Promise<void> {
  await api.logout();
  sessionModel.facilitator = false;
  account.name = null;
  if (sessionModel.sid) resubscribe();
}

/** The facilitator accounts and their history. */
export const listFacilitators = () => api.facilitators();
export const addFacilitator = (username: string, password: string) =>
  api.addFacilitator(username, password);

/** Changes this facilitator's own password; their other logins end, this one stays. */
export async function changePassword(current: string, password: string): Promise<void> {
  await api.changePassword(current, password);
}

/** Removes an account; removing one's own ends this login too, so we ask who we are again. */
export async function removeFacilitator(username: string): Promise<void> {
  await api.removeFacilitator(username);
  if (username === account.name) {
    await refreshFacilitator();
    if (sessionModel.sid) resubscribe();
  }
}

/** Reload the view and reopen the feed: a facilitator sees hidden comments and reports, a participant does not. */
function resubscribe(): void {
  const sid = joined;
  if (!sid) return;
  void api.comments(sid).then((list) => {
    if (joined !== sid) return;
    sessionModel.view = viewFromList(list, sessionModel.session ?? undefined);
    live?.reconnect();
  });
}

export function createSession(request: CreateSessionRequest): Promise<Session> {
  return api.createSession(request);
}

export function listSessions(): Promise<Session[]> {
  return api.sessions();
}

export async function setOpen(sid: string, open: boolean): Promise<Session> {
  const session = await api.updateSession(sid, { open });
  if (sessionModel.session?.id === sid) sessionModel.session = session;
  return session;
}

/** Set the session's deadline (an ISO time ahead), or remove it (null). */
export async function setDeadline(sid: string, closesAt: string | null): Promise<Session> {
  const session = await api.updateSession(sid, { closesAt });
  if (sessionModel.session?.id === sid) sessionModel.session = session;
  return session;
}

export async function hide(id: string, reason?: string): Promise<void> {
  if (!joined) return;
  await api.hide(joined, id, reason);
}

export async function restore(id: string, reason?: string): Promise<void> {
  if (!joined) return;
  await api.restore(joined, id, reason);
}

/** Let a comment awaiting approval (pre-moderation) be seen by everyone. */
export async function approve(id: string): Promise<void> {
  if (!joined) return;
  await api.approve(joined, id);
}

/** Hide, approve or restore a selection of the current session in one request (all or none). */
export async function moderateMany(
  action: 'hide' | 'approve' | 'restore',
  ids: readonly string[],
  reason?: string,
): Promise<number> {
  if (!joined || ids.length === 0) return 0;
  return (await api.moderateMany(joined, action, ids, reason)).length;
}

/** Turn pre-moderation of a session on or off. */
export async function setPremoderated(sid: string, premoderated: boolean): Promise<Session> {
  const session = await api.updateSession(sid, { premoderated });
  if (sessionModel.session?.id === sid) sessionModel.session = session;
  return session;
}

/** Answer a comment of the joined session (facilitator); the live event updates every screen. */
export async function answer(id: string, request: AnswerRequest): Promise<void> {
  if (!joined) return;
  await api.answer(joined, id, request);
}

/** The current session's devices that posted, by label, with their mute state (facilitator only). */
export async function postingDevices(): Promise<DeviceSummary[]> {
  if (!joined) return [];
  return (await api.devices(joined)).devices;
}

/** Mute or unmute a device of the current session; how many comments muting hid. */
export async function muteDevice(device: string, mute: boolean): Promise<number> {
  if (!joined) return 0;
  const { hidden } = await api.muteDevice(joined, device, mute);
  sessionModel.auditVersion++; // an unmute (or a mute of nothing visible) sends no live event
  return hidden;
}

/** Report a comment from this device (the server counts it once per device); remembered here. */
export async function report(id: string): Promise<void> {
  const sid = joined;
  if (!sid) return;
  await api.report(sid, await deviceToken(sid), id);
  rememberReported(sid, id);
}

async function loadSupported(sid: string, device: string): Promise<void> {
  const ids = await api.mySupports(sid, device).catch(() => null);
  if (ids && joined === sid) sessionModel.supported = new Set(ids);
}

/** 附议 a comment from this device (`on`), or withdraw it; the count arrives with the live event too. */
export async function setSupport(id: string, on: boolean): Promise<void> {
  const sid = joined;
  if (!sid) return;
  const result = await api.setSupport(sid, await deviceToken(sid), id, on);
  if (joined !== sid) return;
  const others = [...sessionModel.supported].filter((x) => x !== id);
  // Replaced whole, never mutated ($state.raw), like `removed`.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  sessionModel.supported = new Set(result.supported ? [...others, id] : others);
}

/** The current session's moderation audit log, newest first (facilitator only). */
export async function auditLog(): Promise<AuditEntry[]> {
  if (!joined) return [];
  const { entries } = await api.audit(joined);
  return [...entries].sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id);
}

/** Upload this browser's local comments (or a file's) into a session, merged by id on the server. */
export async function uploadLocal(sid: string, from: 'device' | string) {
  let list: Comment[];
  if (from === 'device') {
    await startComments();
    list = [...comments.comments];
  } else {
    const parsed = parseCommentsFile(from);
    if (!parsed.ok) throw new Error(tr('error.invalidFile', { message: parsed.error }));
    list = parsed.comments;
  }
  if (!list.length) return { added: 0, existing: 0 };
  const result = await api.importComments(sid, list);
  sessionModel.auditVersion++;
  return result;
}

/** Enter or leave a full-screen session screen (kept in the URL, so a projector PC can open it directly). */
export function openScreen(screen: 'qr' | 'projector' | null): void {
  sessionModel.screen = screen;
  writeHash();
}

/** The join link of a session on this server. */
export function joinLink(sid: string): string {
  return `${location.origin}${location.pathname}#session=${sid}`;
}

/** Go into a session on this page (the facilitator's 进入, a new session): the URL follows. */
export function enterSession(sid: string | null): void {
  sessionModel.sid = sid;
  if (!sid) sessionModel.screen = null;
  writeHash();
  void syncSession();
}
