import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { request, type IncomingMessage } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { computeSignatureV3 } from '../src/hubspot/signature/hubspot-signature.ts';
import { startSandbox } from '../src/sandbox/start-sandbox.ts';
import { openDatabase } from '../src/store/open-database.ts';
import { dropSchema } from '../src/store/repositories/schemas-repository.ts';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

interface Started {
  child: ChildProcessWithoutNullStreams;
  port: number;
  lines: string[];
  /** Resolves with the first log line whose message starts with `prefix` (already logged or still to come). */
  logged(prefix: string): Promise<LogLine>;
}

interface LogLine {
  msg?: string;
  port?: number;
  pid?: number;
}

/** Runs src/main.ts the way `npm start` does (plain node), with exactly the given environment. */
function run(env: Record<string, string>, args: string[] = []): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['src/main.ts', ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
}

/** Reads the JSON log from stdout (skipping npm's banner) and resolves once Harbor listens. */
async function watch(child: ChildProcessWithoutNullStreams): Promise<Started> {
  const lines: string[] = [];
  const parsed: LogLine[] = [];
  const waiting: { prefix: string; resolve: (line: LogLine) => void }[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const logged = (prefix: string): Promise<LogLine> => {
    const seen = parsed.find((line) => line.msg?.startsWith(prefix) === true);
    return seen === undefined
      ? new Promise((resolve) => waiting.push({ prefix, resolve }))
      : Promise.resolve(seen);
  };
  let buffered = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      if (!line.startsWith('{')) continue;
      const entry = JSON.parse(line) as LogLine;
      parsed.push(entry);
      for (const waiter of waiting.filter((w) => entry.msg?.startsWith(w.prefix) === true)) {
        waiting.splice(waiting.indexOf(waiter), 1);
        waiter.resolve(entry);
      }
    }
  });
  const exitedEarly = new Promise<never>((_resolve, reject) => {
    child.once('exit', (code) => {
      reject(new Error(`exited ${String(code)}: ${stderr}`));
    });
  });
  // Once Harbor listens, exiting is what stop() asks for.
  exitedEarly.catch(() => undefined);
  const listening = await Promise.race([logged('Harbor listening'), exitedEarly]);
  return { child, port: listening.port!, lines, logged };
}

function start(env: Record<string, string>): Promise<Started> {
  return watch(run({ PORT: '0', LOG_LEVEL: 'info', ...env }));
}

async function stop(started: Started): Promise<number | null> {
  started.child.kill('SIGTERM');
  const [code] = (await once(started.child, 'exit')) as [number | null];
  return code;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** True when nothing listens on the port any more: a new server can take it. */
async function isPortFree(port: number): Promise<boolean> {
  const server = createServer();
  try {
    server.listen(port, '127.0.0.1');
    await once(server, 'listening');
    return true;
  } catch {
    return false;
  } finally {
    server.close();
  }
}

const tempDirs: string[] = [];
afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('the service process', () => {
  it('when PORT is not a number, then it exits non-zero and names PORT', async () => {
    const child = run({ PORT: 'abc' });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/invalid configuration/);
    expect(stderr).toMatch(/PORT: /);
  });

  it('when started with no database settings, then it serves /healthz and /readyz on PGlite, says where the data lives, and stops cleanly on SIGTERM', async () => {
    const dataRoot = await mkdtemp(join(tmpdir(), 'harbor-start-'));
    tempDirs.push(dataRoot);
    const dataDir = join(dataRoot, 'nested', 'pglite');
    const started = await start({ DATA_DIR: dataDir });
    expect((await fetch(`http://127.0.0.1:${started.port}/healthz`)).status).toBe(200);
    const ready = await fetch(`http://127.0.0.1:${started.port}/readyz`);
    expect(ready.status).toBe(200);
    expect(started.lines.some((line) => line.includes(`data lives in ${dataDir} (pglite)`))).toBe(true);
    expect(await stop(started)).toBe(0);
  });

  it('when npm start gets SIGTERM, then Harbor finishes the request in flight, logs its shutdown, exits and frees the port', async () => {
    const dataRoot = await mkdtemp(join(tmpdir(), 'harbor-npm-'));
    tempDirs.push(dataRoot);
    const clientSecret = 'npm-start-secret';
    const publicBaseUrl = 'http://harbor.test';
    const npm = spawn('npm', ['start'], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? dataRoot,
        npm_config_update_notifier: 'false',
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: join(dataRoot, 'pglite'),
        PUBLIC_BASE_URL: publicBaseUrl,
        HUBSPOT_CLIENT_SECRET: clientSecret,
      },
    });
    const started = await watch(npm);
    const harborPid = (await started.logged('Harbor listening')).pid;
    try {
      // A webhook delivery whose body is still arriving when SIGTERM does: `Expect: 100-continue` makes the
      // server answer once it holds the request, so the signal cannot beat the request in.
      const body = JSON.stringify([
        {
          eventId: 1,
          portalId: 42,
          occurredAt: Date.now(),
          subscriptionType: 'company.propertyChange',
          objectId: 7,
        },
      ]);
      const timestamp = String(Date.now());
      const delivery = request({
        host: '127.0.0.1',
        port: started.port,
        method: 'POST',
        path: '/webhooks/hubspot',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          expect: '100-continue',
          'x-hubspot-request-timestamp': timestamp,
          'x-hubspot-signature-v3': computeSignatureV3({
            clientSecret,
            method: 'POST',
            uri: `${publicBaseUrl}/webhooks/hubspot`,
            rawBody: body,
            timestamp,
          }),
        },
      });
      const response = once(delivery, 'response') as Promise<[IncomingMessage]>;
      await once(delivery, 'continue');
      delivery.write(body.slice(0, 10));

      npm.kill('SIGTERM');
      await started.logged('shutting down');
      delivery.end(body.slice(10));
      const [answer] = await response;
      let answerBody = '';
      for await (const chunk of answer) answerBody += String(chunk);

      const [code] = (await once(npm, 'exit')) as [number | null];
      expect(answer.statusCode).toBe(200);
      expect(JSON.parse(answerBody)).toMatchObject({ stored: 1 });
      expect(await started.logged('webhook batch stored')).toBeDefined();
      expect(await started.logged('stopped')).toBeDefined();
      expect(code).toBe(0);
      expect(isAlive(harborPid!)).toBe(false);
      expect(await isPortFree(started.port)).toBe(true);
    } finally {
      // If the signal never reached Harbor, it is an orphan now: do not leave it listening.
      if (isAlive(harborPid!)) process.kill(harborPid!, 'SIGKILL');
    }
  });

  const databaseUrl = process.env.TEST_DATABASE_URL;
  it.skipIf(databaseUrl === undefined || databaseUrl === '')(
    'when DATABASE_URL is set, then /readyz answers 200 on PostgreSQL and the log holds no credentials',
    async () => {
      const schema = `harbor_proc_${randomBytes(4).toString('hex')}`;
      const started = await start({
        DATABASE_URL: databaseUrl!,
        DATABASE_SCHEMA: schema,
        HUBSPOT_CLIENT_SECRET: 'shh-secret-value',
      });
      try {
        expect((await fetch(`http://127.0.0.1:${started.port}/readyz`)).status).toBe(200);
        expect(started.lines.some((line) => line.includes('(postgres)'))).toBe(true);
        expect(started.lines.join('\n')).not.toContain('shh-secret-value');
      } finally {
        expect(await stop(started)).toBe(0);
        const handle = await openDatabase({ databaseUrl: databaseUrl!, dataDir: 'unused', schema });
        await dropSchema(handle.db, schema);
        await handle.close();
      }
    },
  );

  it('when HUBSPOT_ACCESS_TOKEN is set, then the static-token install is recorded for the portal the token belongs to', async () => {
    const sandbox = await startSandbox({ port: 0, companies: 3, seed: 3 });
    const dataRoot = await mkdtemp(join(tmpdir(), 'harbor-static-'));
    tempDirs.push(dataRoot);
    const started = await start({
      DATA_DIR: join(dataRoot, 'pglite'),
      HUBSPOT_API_BASE_URL: sandbox.baseUrl,
      HUBSPOT_ACCESS_TOKEN: sandbox.accessToken,
    });
    try {
      for (
        let attempt = 0;
        attempt < 50 && !started.lines.some((line) => line.includes('static-token install recorded'));
        attempt += 1
      ) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(
        started.lines.some((line) =>
          line.includes(`static-token install recorded for portal ${sandbox.portalId}`),
        ),
      ).toBe(true);
      expect(started.lines.join('\n')).not.toContain(sandbox.accessToken);
    } finally {
      expect(await stop(started)).toBe(0);
      await sandbox.close();
    }
  });
});
