import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Express } from 'express';

export async function listen(
  app: Express,
  port: number,
  host: string,
): Promise<{ server: Server; port: number }> {
  const server = app.listen(port, host);
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
