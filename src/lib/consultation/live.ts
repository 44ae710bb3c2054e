import { RELOAD_EVENT_NAME, ReloadEvent, SessionEvent, SSE_EVENT_NAMES } from './api';
import { backoffDelay } from './backoff';
import type { EventOutcome } from './sessionView';

/**
 * A session's live feed over server-sent events. The browser's EventSource
 * already reconnects after a network error and sends `Last-Event-ID` (the
 * `epoch:seq` of the last event it received), so a phone that slept catches up
 * by itself; this wrapper adds what it does not do:
 * - when EventSource gives up (an HTTP error, e.g. a proxy's 502 while the
 *   server restarts), it opens a new one with `?after=<epoch:last applied
 *   seq>`, with backoff and jitter;
 * - a `reload` event (the server's numbers are not the ones this view counted
 *   in: a restored database, a lost tail) closes the feed, so nothing is
 *   applied to a view that no longer matches, and hands over to `onReload`,
 *   which rebuilds the view from the list; then the feed reopens from the new
 *   view (after a backoff if the rebuild failed);
 * - an event that reveals a gap (seq beyond last + 1) reopens the feed from the
 *   last applied seq, so the server replays what was missed;
 * - replayed events already applied are ignored by the caller (`onEvent`
 *   returns 'duplicate'), so nothing shows twice.
 */

export type LiveState = 'connecting' | 'open' | 'down';

export interface LiveOptions {
  /** The events URL resuming after `resume` (`epoch:seq`, or `0`). */
  url: (resume: string) => string;
  /** Where the view stands: `epoch:seq` of the last event applied (`resumeId`). */
  resumeFrom: () => string;
  /** Apply one event; 'gap' makes the feed reopen from `resumeFrom()`. */
  onEvent: (event: SessionEvent) => EventOutcome;
  /** The server cannot resume this view: rebuild it from the list (the feed reopens when this settles). */
  onReload: (event: ReloadEvent) => Promise<void>;
  /** Connection state changes; `open` after `down` is the moment to re-check what was missed. */
  onState?: (state: LiveState, previous: LiveState) => void;
  EventSource?: typeof EventSource;
  random?: () => number;
}

const NAMES = [...new Set(Object.values(SSE_EVENT_NAMES)), 'message'];

export class LiveFeed {
  state: LiveState = 'connecting';
  private source: EventSource | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private stopped = false;

  constructor(private readonly options: LiveOptions) {}

  start(): void {
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.source?.close();
    this.source = null;
  }

  /** Reopen now from the last applied seq (a gap, or the page came back to the front). */
  reconnect(): void {
    if (this.stopped) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.connect();
  }

  private setState(state: LiveState): void {
    if (state === this.state) return;
    const previous = this.state;
    this.state = state;
    this.options.onState?.(state, previous);
  }

  private connect(): void {
    this.source?.close();
    const Impl = this.options.EventSource ?? EventSource;
    const source = new Impl(this.options.url(this.options.resumeFrom()));
    this.source = source;
    source.onopen = () => {
      this.failures = 0;
      this.setState('open');
    };
    source.onerror = () => {
      if (this.source !== source) return;
      this.setState('down');
      if (source.readyState === source.CLOSED) this.retryLater();
      // Otherwise the browser reconnects by itself, with Last-Event-ID.
    };
    const onMessage = (message: MessageEvent) => {
      if (this.source !== source) return;
      performance.mark('linhai:live-event');
      let data: unknown;
      try {
        data = JSON.parse(String(message.data));
      } catch {
        return;
      }
      const event = SessionEvent.safeParse(data);
      if (!event.success) return;
      if (this.options.onEvent(event.data) === 'gap') this.reconnect();
    };
    for (const name of NAMES) source.addEventListener(name, onMessage as EventListener);
    const onReload = (message: MessageEvent) => {
      if (this.source !== source) return;
      let data: unknown;
      try {
        data = JSON.parse(String(message.data));
      } catch {
        return;
      }
      const reload = ReloadEvent.safeParse(data);
      if (!reload.success) return;
      source.close();
      this.source = null;
      this.options.onReload(reload.data).then(
        () => this.reconnect(),
        () => this.retryLater(),
      );
    };
    source.addEventListener(RELOAD_EVENT_NAME, onReload as EventListener);
  }

  private retryLater(): void {
    this.source?.close();
    this.source = null;
    if (this.stopped) return;
    this.failures++;
    const delay = backoffDelay(this.failures, this.options.random, { base: 1_000, cap: 15_000 });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.stopped) this.connect();
    }, delay);
  }
}
