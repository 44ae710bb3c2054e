/**
 * The part of the browser's EventSource that LiveFeed uses, over a real
 * `fetch` of the real server's stream, for Node (which has no EventSource):
 * named events, `lastEventId`, open/error, close. Like the browser it parses
 * `id:`, `event:` and `data:` lines; unlike it, it does not reconnect by itself
 * (a stream that ends is CLOSED, as after an HTTP error), which LiveFeed handles.
 */
export function fetchEventSource(fetchImpl: (url: string) => Promise<Response>) {
  return class FetchEventSource {
    static readonly CONNECTING = 0;
    static readonly OPEN = 1;
    static readonly CLOSED = 2;
    readonly CONNECTING = 0;
    readonly OPEN = 1;
    readonly CLOSED = 2;
    static readonly opened: string[] = [];
    readyState = 0;
    onopen: (() => void) | null = null;
    onerror: (() => void) | null = null;
    private readonly listeners = new Map<string, ((event: MessageEvent) => void)[]>();
    private readonly controller = new AbortController();

    constructor(readonly url: string) {
      FetchEventSource.opened.push(url);
      void this.run();
    }

    addEventListener(name: string, listener: (event: MessageEvent) => void): void {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    }

    close(): void {
      this.readyState = this.CLOSED;
      this.controller.abort();
    }

    private async run(): Promise<void> {
      try {
        const response = await fetchImpl(this.url);
        if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
        this.readyState = this.OPEN;
        this.onopen?.();
        const decoder = new TextDecoder();
        let buffer = '';
        const reader = response.body.getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done || this.readyState === this.CLOSED) break;
          buffer += decoder.decode(value, { stream: true });
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            this.dispatch(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
          }
        }
      } catch {
        // an aborted or failed fetch: closed below
      }
      if (this.readyState !== this.CLOSED) {
        this.readyState = this.CLOSED;
        this.onerror?.();
      }
    }

    private dispatch(block: string): void {
      const fields: Record<string, string> = {};
      for (const line of block.split('\n')) {
        const colon = line.indexOf(':');
        if (colon <= 0) continue;
        fields[line.slice(0, colon)] = line.slice(colon + 1).replace(/^ /, '');
      }
      if (fields.data === undefined || this.readyState === this.CLOSED) return;
      const event = new MessageEvent(fields.event ?? 'message', {
        data: fields.data,
        lastEventId: fields.id ?? '',
      });
      for (const listener of this.listeners.get(fields.event ?? 'message') ?? []) listener(event);
    }
  };
}
