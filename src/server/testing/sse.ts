import type { SessionEvent } from '../../lib/consultation/api';

/** A minimal SSE reader over fetch, for tests and the benchmark: parses `id`, `event`, `data`. */
export interface ReceivedEvent {
  id: string;
  event: string;
  data: SessionEvent;
}

export class SseStream {
  readonly events: ReceivedEvent[] = [];
  private readonly controller = new AbortController();
  private waiters: (() => void)[] = [];
  readonly done: Promise<void>;
  onEvent: ((event: ReceivedEvent) => void) | null = null;

  constructor(url: string, headers: Record<string, string> = {}) {
    this.done = this.run(url, headers).catch(() => {});
  }

  private async run(url: string, headers: Record<string, string>) {
    const response = await fetch(url, {
      headers: { Accept: 'text/event-stream', ...headers },
      signal: this.controller.signal,
    });
    if (!response.ok || !response.body) throw new Error(`SSE ${response.status}`);
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of response.body) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields: Record<string, string> = {};
        for (const line of block.split('\n')) {
          const colon = line.indexOf(':');
          if (colon <= 0) continue; // comments (heartbeats) and blank lines
          fields[line.slice(0, colon)] = line.slice(colon + 1).replace(/^ /, '');
        }
        if (fields.data === undefined || fields.data === '') continue;
        const received = {
          id: fields.id ?? '',
          event: fields.event ?? 'message',
          data: JSON.parse(fields.data),
        };
        this.events.push(received);
        this.onEvent?.(received);
        for (const wake of this.waiters.splice(0)) wake();
      }
    }
  }

  /** Resolves when `predicate` holds for the received events (or rejects after `timeoutMs`). */
  async until(predicate: (events: ReceivedEvent[]) => boolean, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.events)) {
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `SSE: condition not met; got seqs ${this.events.map((e) => e.id).join(',')}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.controller.abort();
  }
}
