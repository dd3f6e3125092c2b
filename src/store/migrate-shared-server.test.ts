import { describe, expect, it } from 'vitest';

import { testDatabaseTargets } from '../../test/support/test-databases.ts';
import { listPendingMigrations } from './migrate.ts';

const postgres = testDatabaseTargets().find((target) => target.name === 'postgres');

// Several Harbor stores share one PostgreSQL server (benchmarks, tests, staging next to production); removing one
// must never break another that is migrating at that moment.
describe.runIf(postgres !== undefined)('migrations on a shared PostgreSQL server', () => {
  it('when other stores are dropped while stores migrate, then every migration completes', async () => {
    const doomed = await Promise.all(Array.from({ length: 6 }, () => postgres!.open()));
    const migrating = Promise.all(Array.from({ length: 6 }, () => postgres!.open()));
    const dropping = Promise.all(doomed.map((handle) => handle.close()));

    const [opened] = await Promise.all([migrating, dropping]);
    try {
      for (const handle of opened) expect(await listPendingMigrations(handle.db)).toEqual([]);
    } finally {
      await Promise.all(opened.map((handle) => handle.close()));
    }
  }, 60_000);
});
