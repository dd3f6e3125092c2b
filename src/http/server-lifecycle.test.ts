import { once } from 'node:events';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

import express from 'express';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

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

describe('listen', () => {
  const short = {
    headersTimeoutMs: 200,
    requestTimeoutMs: 300,
    keepAliveTimeoutMs: 100,
    checkIntervalMs: 50,
  };
  // nock's interceptor holds a raw client socket's bytes until a request is complete, which these never are.
  beforeAll(() => {
    nock.restore();
  });
  afterAll(() => {
    nock.activate();
  });
  const bodyApp = express();
  bodyApp.post('/slow', express.json(), (_req, res) => {
    res.json({ done: true });
  });

  it.each([
    [
      'a body shorter than its Content-Length',
      'POST /slow HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":',
    ],
    ['headers that never end', 'GET /slow HTTP/1.1\r\nHost: x\r\n'],
  ])(
    'when a client sends %s and stalls, then the server answers 408 and closes the connection',
    async (_label, bytes) => {
      const { server, port } = await listen(bodyApp, 0, '127.0.0.1', short);
      const socket = connect(port, '127.0.0.1');
      let answer = '';
      socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
      socket.write(bytes);
      const started = Date.now();
      await once(socket, 'close');
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      await closeGracefully(server, 1_000);
    },
  );
});
