import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Express } from 'express';

/** How long a client may take; a stalled or lying client is cut off instead of holding a connection. */
export interface ServerTimeouts {
  /** Until the request's headers are in. */
  headersTimeoutMs: number;
  /** Until the whole request (headers and body) is in: HubSpot sends at most 1 MB, in well under this. */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** How often Node checks the two request timeouts (its default, 30 s, would let a stall last that long). */
  checkIntervalMs: number;
}

export const defaultServerTimeouts: ServerTimeouts = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 20_000,
  keepAliveTimeoutMs: 5_000,
  checkIntervalMs: 1_000,
};

export async function listen(
  app: Express,
  port: number,
  host: string,
  timeouts: ServerTimeouts = defaultServerTimeouts,
): Promise<{ server: Server; port: number }> {
  const server = createServer(
    {
      headersTimeout: timeouts.headersTimeoutMs,
      requestTimeout: timeouts.requestTimeoutMs,
      keepAliveTimeout: timeouts.keepAliveTimeoutMs,
      connectionsCheckingInterval: timeouts.checkIntervalMs,
    },
    app,
  );
  server.listen(port, host);
  await once(server, 'listening');
  return { server, port: (server.address() as AddressInfo).port };
}

/**
 * Stops accepting connections, lets in-flight requests finish, and force-closes whatever is still open after
 * `timeoutMs`. Resolves true when everything finished in time.
 */
export async function closeGracefully(server: Server, timeoutMs: number): Promise<boolean> {
  const closed = new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
  // Keep-alive sockets hold close() open; sweep them as each in-flight response finishes and leaves one idle.
  server.closeIdleConnections();
  const sweeper = setInterval(() => {
    server.closeIdleConnections();
  }, 50);
  let deadline: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    deadline = setTimeout(() => {
      resolve(false);
    }, timeoutMs);
  });
  const finished = await Promise.race([closed.then(() => true as const), timedOut]);
  clearInterval(sweeper);
  clearTimeout(deadline);
  if (!finished) server.closeAllConnections();
  return finished;
}
