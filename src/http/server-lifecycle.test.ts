import { setTimeout as sleep } from 'node:timers/promises';

import express from 'express';
import { describe, expect, it } from 'vitest';

import { closeGracefully, listen } from './server-lifecycle.ts';

function slowApp(delayMs: number) {
  const app = express();
  app.get('/slow', async (_req, res) => {
    await sleep(delayMs);
    res.json({ done: true });
  });
  return app;
}

describe('closeGracefully', () => {
  it('when a request is in flight at shutdown, then it completes and new connections are refused', async () => {
    const { server, port } = await listen(slowApp(300), 0, '127.0.0.1');
    const inFlight = fetch(`http://127.0.0.1:${port}/slow`).then(async (response) => await response.json());
    await sleep(50);
    const closing = closeGracefully(server, 5_000);
    await sleep(20);
    await expect(fetch(`http://127.0.0.1:${port}/slow`)).rejects.toThrow();
    await expect(inFlight).resolves.toEqual({ done: true });
    await expect(closing).resolves.toBe(true);
  });

  it('when a request outlives the deadline, then the server closes anyway and reports it', async () => {
    const { server, port } = await listen(slowApp(5_000), 0, '127.0.0.1');
    const inFlight = fetch(`http://127.0.0.1:${port}/slow`).catch((error: unknown) => error);
    await sleep(50);
    const started = Date.now();
    await expect(closeGracefully(server, 200)).resolves.toBe(false);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await inFlight).toBeInstanceOf(Error);
  });
});
