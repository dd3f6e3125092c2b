import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createCapturingLogger } from '../../../test/support/capturing-logger.ts';
import { testDatabaseTargets } from '../../../test/support/test-databases.ts';
import { AppError } from '../../shared/errors/app-error.ts';
import { createFakeSync, installPortals, unreachableGateway } from '../../jobs/testing/fake-sync.ts';
import type { DatabaseHandle } from '../../store/open-database.ts';
import { tryAcquireLease } from '../../store/repositories/job-leases-repository.ts';
import type { RunSync } from '../../sync/sync-types.ts';
import { createStatusArea } from '../terminal/status-area.ts';
import { syncCommand, type SyncArgs, type SyncCommandDeps } from './sync.command.ts';

const now = new Date('2026-11-24T12:00:00Z');
const defaults: SyncArgs = { full: false, reconcile: false, verbose: false };

describe.each(testDatabaseTargets())('harbor sync on $name', (target) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => {
    await handle.close();
  });
  beforeEach(async () => {
    for (const table of ['job_leases', 'sync_runs', 'portals'] as const)
      await handle.db.deleteFrom(table).execute();
    await installPortals(handle.db, [11, 22]);
  });

  function depsFor(runSync: RunSync, isTTY = false) {
    const stderr: string[] = [];
    const stdout: string[] = [];
    const { logger } = createCapturingLogger();
    const deps: SyncCommandDeps = {
      db: handle.db,
      gateway: unreachableGateway,
      logger,
      now: () => now,
      runSync,
      owner: 'cli:test',
      status: createStatusArea({ write: (text: string) => stderr.push(text), isTTY, columns: 120 }),
      out: { write: (text: string) => stdout.push(text) },
    };
    return { deps, stderr: () => stderr.join(''), stdout: () => stdout.join('') };
  }

  it('when every active portal syncs, then stderr shows a line per update and stdout a summary table; exit 0', async () => {
    const fake = createFakeSync();
    const run = depsFor(fake.runSync);
    expect(await syncCommand.run(defaults, run.deps)).toBe(0);
    expect(fake.calls.map((call) => [call.portalId, call.mode])).toEqual([
      [11, 'incremental'],
      [22, 'incremental'],
    ]);
    expect(run.stderr()).toContain('portal 11 · incremental · companies · 3 API calls');
    expect(run.stderr()).toContain('companies 100/200, deals 50/?');
    expect(run.stderr()).not.toContain('\x1b[');
    const table = run.stdout().split('\n');
    expect(table[0]).toMatch(
      /^portal\s+mode\s+status\s+companies\s+deals\s+tickets\s+contacts\s+feedback\s+API calls\s+time$/,
    );
    expect(table[1]).toMatch(/^11\s+incremental\s+succeeded\s+200\s+100 \(-1\)\s+-\s+-\s+-\s+4\s+1s$/);
    expect(table[2]).toMatch(/^22\s+incremental\s+succeeded/);
  });

  it('when stderr is a terminal, then the progress is a redrawn bar', async () => {
    const run = depsFor(createFakeSync().runSync, true);
    expect(await syncCommand.run({ ...defaults, portal: 22, full: true }, run.deps)).toBe(0);
    expect(run.stderr()).toContain('\x1b[');
    expect(run.stderr()).toMatch(/companies\s+\[█{24}\] 200 \/ 200 {2}100%/);
    expect(run.stdout()).toMatch(/\n22\s+full\s+succeeded/);
  });

  it('when one portal fails, then the others still sync, the reason is listed and the exit code is 1', async () => {
    let calls = 0;
    const good = createFakeSync();
    const runSync: RunSync = (deps, options) => {
      calls += 1;
      return calls === 1
        ? Promise.reject(new AppError('HUBSPOT_UNAUTHORIZED', 'HubSpot rejected the token'))
        : good.runSync(deps, options);
    };
    const run = depsFor(runSync);
    expect(await syncCommand.run(defaults, run.deps)).toBe(1);
    expect(run.stdout()).toMatch(/\n11\s+-\s+failed/);
    expect(run.stdout()).toMatch(/\n22\s+incremental\s+succeeded/);
    expect(run.stdout()).toContain('portal 11: HUBSPOT_UNAUTHORIZED: HubSpot rejected the token');
  });

  it('when the engine reports a failed run, then the exit code is 1', async () => {
    const run = depsFor(createFakeSync({ fail: '5xx storm' }).runSync);
    expect(await syncCommand.run({ ...defaults, portal: 11 }, run.deps)).toBe(1);
    expect(run.stdout()).toContain('portal 11: 5xx storm');
  });

  it('when a service is syncing the portal, then it is reported busy and nothing runs', async () => {
    await tryAcquireLease(handle.db, { portalId: 11, job: 'sync', owner: 'service-a', ttlMs: 60_000 }, now);
    const fake = createFakeSync();
    const run = depsFor(fake.runSync);
    expect(await syncCommand.run({ ...defaults, portal: 11, reconcile: true }, run.deps)).toBe(1);
    expect(fake.calls).toEqual([]);
    expect(run.stdout()).toMatch(/\n11\s+-\s+busy/);
  });

  it('when the portal is not installed, then nothing runs and the exit code is 1', async () => {
    const fake = createFakeSync();
    const run = depsFor(fake.runSync);
    expect(await syncCommand.run({ ...defaults, portal: 99 }, run.deps)).toBe(1);
    expect(run.stderr()).toContain('Portal 99 is not installed');
    expect(fake.calls).toEqual([]);
  });
});
