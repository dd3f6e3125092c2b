import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { computeSignatureV3 } from '../../src/hubspot/signature/hubspot-signature.ts';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/start-sandbox.ts';

const root = join(import.meta.dirname, '..', '..');

/** The demo in small: a generated portal in the sandbox, and the service synced and scored from it. */
export interface PreviewStack {
  baseUrl: string;
  sandbox: RunningSandbox;
  /** A GET signed as HubSpot signs hubspot.fetch calls. */
  signedGet(path: string): Promise<Response>;
  logs: string[];
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export async function startPreviewStack(options: { companies: number; seed: number }): Promise<PreviewStack> {
  // PUBLIC_BASE_URL must name the port before the service listens, so the port is chosen first.
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const sandbox = await startSandbox({
    port: 0,
    companies: options.companies,
    seed: options.seed,
    webhookUrl: `${baseUrl}/webhooks/hubspot`,
  });
  const dataDir = await mkdtemp(join(tmpdir(), 'harbor-preview-'));
  const logs: string[] = [];
  const service: ChildProcess = spawn(process.execPath, ['src/main.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'development',
      PORT: String(port),
      PUBLIC_BASE_URL: baseUrl,
      DATA_DIR: dataDir,
      HUBSPOT_API_BASE_URL: sandbox.baseUrl,
      HUBSPOT_AUTHORIZE_URL: `${sandbox.baseUrl}/oauth/authorize`,
      HUBSPOT_CLIENT_ID: sandbox.clientId,
      HUBSPOT_CLIENT_SECRET: sandbox.clientSecret,
      HUBSPOT_ACCESS_TOKEN: sandbox.accessToken,
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  service.stdout?.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
  service.stderr?.on('data', (chunk: Buffer) => logs.push(chunk.toString()));

  const signedGet = (path: string): Promise<Response> => {
    const timestamp = String(Date.now());
    const signature = computeSignatureV3({
      clientSecret: sandbox.clientSecret,
      method: 'GET',
      uri: `${baseUrl}${path}`,
      rawBody: '',
      timestamp,
    });
    return fetch(`${baseUrl}${path}`, {
      headers: { 'x-hubspot-signature-v3': signature, 'x-hubspot-request-timestamp': timestamp },
    });
  };

  const stop = async (): Promise<void> => {
    if (service.exitCode === null) {
      service.kill('SIGTERM');
      await once(service, 'exit');
    }
    await sandbox.close();
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitFor(
      'the service',
      async () => ((await fetch(`${baseUrl}/readyz`)).ok ? true : undefined),
      60_000,
    );
    // The start-up sync, then rescoring: done once every company has a score.
    await waitFor(
      'every company scored',
      async () => {
        const response = await signedGet(`/api/health/scores?portalId=${sandbox.portalId}&limit=200`);
        if (!response.ok) return undefined;
        const page = (await response.json()) as { results: unknown[] };
        return page.results.length >= options.companies ? true : undefined;
      },
      120_000,
    );
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${logs.join('').slice(-4_000)}`, { cause: error });
  }
  return { baseUrl, sandbox, signedGet, logs, stop };
}
