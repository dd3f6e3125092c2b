import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Starts `node src/main.ts` (as `npm start` does), asks GET /preview, stops it; returns the status and log. */
async function previewStatusUnder(
  nodeEnv: 'production' | 'development',
): Promise<{ status: number; log: string }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'harbor-preview-env-'));
  dirs.push(dataDir);
  const child = spawn(process.execPath, ['src/main.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: nodeEnv,
      PORT: '0',
      DATA_DIR: dataDir,
      PUBLIC_BASE_URL: 'https://harbor.example.com',
      ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      JOBS_ENABLED: 'false',
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
    },
  });
  let log = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const listening = /"port":(\d+)[^\n]*Harbor listening/.exec(log);
      if (listening?.[1] !== undefined) resolve(Number(listening[1]));
    });
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.once('exit', (code) => {
      reject(new Error(`exited ${String(code)}: ${log}`));
    });
  });
  try {
    const response = await fetch(`http://127.0.0.1:${port}/preview`);
    return { status: response.status, log };
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
}

describe('where the browser preview runs', () => {
  it('when NODE_ENV is production, then the service has no /preview and does not mention one', async () => {
    const { status, log } = await previewStatusUnder('production');
    expect(status).toBe(404);
    expect(log).not.toContain('Browser preview');
  });

  it('when NODE_ENV is development, then the service serves /preview and says where', async () => {
    const { status, log } = await previewStatusUnder('development');
    expect(status).toBe(200);
    expect(log).toContain('/preview');
  });
});
