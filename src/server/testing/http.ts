import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Server } from '../server';

/** The server's app on a real HTTP port on 127.0.0.1 (for SSE); `close` drops every connection. */
export async function listen(
  server: Server,
): Promise<{ base: string; close: () => Promise<void> }> {
  const http: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: server.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = http.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        (http as unknown as { closeAllConnections(): void }).closeAllConnections();
        http.close(() => resolve());
      }),
  };
}
