import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import pg from 'pg';

import { startSandbox } from '../src/sandbox/start-sandbox.ts';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

interface Started {
  child: ChildProcessWithoutNullStreams;
  port: number;
  lines: string[];
}

/** Runs src/main.ts the way `npm start` does (tsx), with exactly the given environment. */
function run(env: Record<string, string>, args: string[] = []): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
}

async function start(env: Record<string, string>): Promise<Started> {
  const child = run({ PORT: '0', LOG_LEVEL: 'info', ...env });
  const lines: string[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        const parsed = JSON.parse(line) as { port?: number; msg?: string };
        if (parsed.msg?.startsWith('Harbor listening') === true && parsed.port !== undefined)
          resolve(parsed.port);
      }
    });
    child.on('exit', (code) => {
      reject(new Error(`exited ${code}: ${stderr}`));
    });
  });
  return { child, port, lines };
}

async function stop(started: Started): Promise<number | null> {
  started.child.kill('SIGTERM');
  const [code] = (await once(started.child, 'exit')) as [number | null];
  return code;
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
        const client = new pg.Client({ connectionString: databaseUrl });
        await client.connect();
        await client.query(`drop schema if exists ${schema} cascade`);
        await client.end();
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
