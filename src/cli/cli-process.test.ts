import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { computeSignatureV3 } from '../hubspot/signature/hubspot-signature.ts';
import { startSandbox, type RunningSandbox } from '../sandbox/start-sandbox.ts';
import { createTokenCipher } from '../shared/crypto/token-cipher.ts';
import { migrateToLatest } from '../store/migrate.ts';
import { openDatabase } from '../store/open-database.ts';
import { saveInstall } from '../store/repositories/portals-repository.ts';

const root = join(import.meta.dirname, '..', '..');
const encryptionKey = 'ab'.repeat(32);

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run harbor -- <args>` with exactly the given environment. */
async function harbor(args: string[], env: Record<string, string>): Promise<Finished> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

describe('the harbor command line, as a process', () => {
  let sandbox: RunningSandbox;
  let dataRoot: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, companies: 12, seed: 5 });
    dataRoot = await mkdtemp(join(tmpdir(), 'harbor-cli-'));
    env = {
      DATA_DIR: join(dataRoot, 'pglite'),
      ENCRYPTION_KEY: encryptionKey,
      HUBSPOT_API_BASE_URL: sandbox.baseUrl,
      HUBSPOT_CLIENT_SECRET: sandbox.clientSecret,
    };
    // The install a static-token service would have recorded; PGlite admits one process, so it is closed first.
    const database = await openDatabase({ dataDir: env.DATA_DIR!, schema: 'public' });
    await migrateToLatest(database.db);
    await saveInstall(
      database.db,
      createTokenCipher(Buffer.from(encryptionKey, 'hex')),
      { portalId: sandbox.portalId, authKind: 'static', accessToken: sandbox.accessToken, scopes: [] },
      new Date(),
    );
    await database.close();
  });
  afterAll(async () => {
    await sandbox.close();
    await rm(dataRoot, { recursive: true, force: true });
  });

  it('when asked for help, then every command is listed, and `sync --help` explains its flags', async () => {
    const help = await harbor(['help'], {});
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^ {2}sync {2,}/m);
    const syncHelp = await harbor(['sync', '--help'], {});
    expect(syncHelp.code).toBe(0);
    expect(syncHelp.stdout).toContain('--portal <id>');
  });

  it('when the command or a flag is wrong, then it exits 2 without touching the database', async () => {
    expect((await harbor(['frobnicate'], {})).code).toBe(2);
    const bad = await harbor(['sync', '--portal', 'x'], { DATA_DIR: '/nonexistent/never-created' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--portal: ');
  });

  it('when syncing a portal, then progress goes to stderr, a summary table to stdout, and the exit code is 0', async () => {
    const run = await harbor(['sync', '--portal', String(sandbox.portalId)], env);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`portal ${sandbox.portalId} · incremental · companies`);
    expect(run.stdout).toMatch(new RegExp(`^${sandbox.portalId}\\s+incremental\\s+succeeded\\s+12\\s`, 'm'));
  }, 60_000);

  it('when the service starts, then it syncs the portal once and /api/sync/status (signed) shows the run', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        ...env,
        PORT: '0',
        PUBLIC_BASE_URL: 'https://harbor.test',
        LOG_LEVEL: 'info',
        SYNC_INCREMENTAL_CRON: '0 0 1 1 *',
      },
    });
    try {
      const port = await new Promise<number>((resolve, reject) => {
        let buffered = '';
        child.stdout.on('data', (chunk: Buffer) => {
          buffered += chunk.toString();
          const match = /"port":(\d+)[^\n]*Harbor listening/.exec(buffered);
          if (match !== null) resolve(Number(match[1]));
        });
        child.on('exit', (code) => {
          reject(new Error(`exited ${code}`));
        });
      });
      const path = `/api/sync/status?portalId=${sandbox.portalId}`;
      let runs: { mode: string; status: string }[] = [];
      for (
        let attempt = 0;
        attempt < 100 && runs.filter((r) => r.status === 'succeeded').length < 2;
        attempt += 1
      ) {
        const timestamp = String(Date.now());
        const signature = computeSignatureV3({
          clientSecret: sandbox.clientSecret,
          method: 'GET',
          uri: `https://harbor.test${path}`,
          rawBody: '',
          timestamp,
        });
        const response = await fetch(`http://127.0.0.1:${port}${path}`, {
          headers: { 'x-hubspot-signature-v3': signature, 'x-hubspot-request-timestamp': timestamp },
        });
        expect(response.status).toBe(200);
        runs = ((await response.json()) as { runs: typeof runs }).runs;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      // The CLI's run, then the service's start-up run.
      expect(runs.map((run) => [run.mode, run.status])).toEqual([
        ['incremental', 'succeeded'],
        ['incremental', 'succeeded'],
      ]);
    } finally {
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code).toBe(0);
    }
  }, 60_000);
});
