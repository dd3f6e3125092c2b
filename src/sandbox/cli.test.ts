import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { CliUsageError } from '../cli/cli-command.ts';
import { parseCliArgs } from './cli-args.ts';

const cliPath = join(import.meta.dirname, 'cli.ts');
const children: ReturnType<typeof spawn>[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function runCli(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', cliPath, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return { child, stdout: () => stdout, stderr: () => stderr };
}

describe('sandbox CLI', () => {
  it('when started with --port 0, then it prints exactly one JSON line and serves the generated portal', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'sandbox-cli-'));
    const truthPath = join(folder, 'truth.jsonl');
    try {
      const cli = runCli([
        '--port',
        '0',
        '--companies',
        '20',
        '--seed',
        '4',
        '--ground-truth',
        truthPath,
        '--harbor-url',
        'http://127.0.0.1:3999',
      ]);
      await expect.poll(() => cli.stdout().includes('\n'), { timeout: 20_000, interval: 50 }).toBe(true);
      const lines = cli
        .stdout()
        .split('\n')
        .filter((line) => line !== '');
      expect(lines).toHaveLength(1);
      const ready = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
      expect(Object.keys(ready).sort()).toEqual([
        'accessToken',
        'appId',
        'baseUrl',
        'clientId',
        'clientSecret',
        'portalId',
      ]);
      expect(ready.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

      const stats = (await (await fetch(`${String(ready.baseUrl)}/_sandbox/stats`)).json()) as {
        portals: { portalId: number; records: { companies: number } }[];
      };
      expect(stats.portals[0]).toMatchObject({ portalId: ready.portalId, records: { companies: 20 } });
      // --harbor-url "uploads" the project's workflow actions pointing at Harbor, as a real upload would.
      const definitions = (await (
        await fetch(`${String(ready.baseUrl)}/automation/v4/actions/${String(ready.appId)}`, {
          headers: { authorization: `Bearer ${String(ready.accessToken)}` },
        })
      ).json()) as { results: { actionUrl: string }[] };
      expect(definitions.results.length).toBeGreaterThanOrEqual(4);
      expect(
        definitions.results.every((definition) => definition.actionUrl.startsWith('http://127.0.0.1:3999/')),
      ).toBe(true);
      const truth = (await readFile(truthPath, 'utf8')).trim().split('\n');
      expect(truth).toHaveLength(20);
      expect(cli.stderr()).toContain('Generating a portal of 20 companies');

      cli.child.kill('SIGTERM');
      const [code] = (await once(cli.child, 'exit')) as [number | null];
      expect(code).toBe(0);
      expect(
        cli
          .stdout()
          .split('\n')
          .filter((line) => line !== ''),
      ).toHaveLength(1);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('when a flag is bad, then it exits with 2 and says why on stderr', async () => {
    const cli = runCli(['--rate-limit', 'lots']);
    const [code] = (await once(cli.child, 'exit')) as [number | null];
    expect(code).toBe(2);
    expect(cli.stderr()).toContain('--rate-limit must be a whole number');
    expect(cli.stdout()).toBe('');
  });
});

describe('parseCliArgs', () => {
  it('when no flags are given, then the defaults apply', () => {
    expect(parseCliArgs([])).toEqual({
      kind: 'run',
      options: {
        port: 4010,
        host: '127.0.0.1',
        companies: 300,
        seed: 1,
        generatedAt: undefined,
        rateLimit: 100,
        dailyLimit: undefined,
        faults: undefined,
        webhookUrl: undefined,
        harborUrl: undefined,
        groundTruthPath: undefined,
        accessTokenTtlSeconds: 1800,
      },
    });
  });

  it('when every flag is given, then each is read', () => {
    const command = parseCliArgs([
      '--port=0',
      '--companies=5',
      '--seed=9',
      '--now=2026-01-02',
      '--rate-limit=10',
      '--daily-limit=500',
      '--faults=5xx=0.1',
      '--webhook-url=http://127.0.0.1:3000/webhooks/hubspot',
      '--harbor-url=http://127.0.0.1:3000',
      '--ground-truth=out/truth.jsonl',
      '--host=0.0.0.0',
      '--token-ttl=60',
    ]);
    expect(command).toEqual({
      kind: 'run',
      options: {
        port: 0,
        host: '0.0.0.0',
        companies: 5,
        seed: 9,
        generatedAt: Date.UTC(2026, 0, 2),
        rateLimit: 10,
        dailyLimit: 500,
        faults: '5xx=0.1',
        webhookUrl: 'http://127.0.0.1:3000/webhooks/hubspot',
        harborUrl: 'http://127.0.0.1:3000',
        groundTruthPath: 'out/truth.jsonl',
        accessTokenTtlSeconds: 60,
      },
    });
    expect(parseCliArgs(['--help'])).toEqual({ kind: 'help' });
  });

  it.each([
    [['--port', '70000'], /--port must be at most 65535/],
    [['--now', 'yesterday'], /--now must be an ISO date/],
    [['--webhook-url', 'ftp://x'], /--webhook-url must be an http\(s\) URL/],
    [['--harbor-url', 'harbor'], /--harbor-url must be an http\(s\) URL/],
    [['--faults', 'slow=2'], /--faults: fault "slow" needs a probability/],
    [['extra'], /Unexpected argument/],
  ])('when given %j, then it fails with a usage error', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(CliUsageError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});
