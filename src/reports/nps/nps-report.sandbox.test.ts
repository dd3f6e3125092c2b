import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testDatabaseTargets } from '../../../test/support/test-databases.ts';
import { createMemoryLogger } from '../../hubspot/testing/test-kit.ts';
import type { RunningSandbox } from '../../sandbox/start-sandbox.ts';
import { runSync } from '../../sync/run-sync.ts';
import { createTestGateway, startFastSandbox, syncDeps } from '../../sync/testing/sync-test-kit.ts';
import { buildNpsReport } from './build-nps-report.ts';
import { bucketOf, isOnScale } from './survey-scales.pure.ts';

const now = Date.parse('2026-11-24T12:00:00.000Z');

/** What the generator wrote: every NPS answer whose contact belongs to a live company, bucketed. */
function generatedNps(sandbox: RunningSandbox) {
  const store = sandbox.sandbox.world.defaultPortal;
  const counts = { promoter: 0, passive: 0, detractor: 0 };
  for (const answer of store.tables.feedback_submissions.all()) {
    const { hs_survey_type: type, hs_value: raw, hs_contact_id: contact } = answer.properties;
    const value = Number(raw);
    if (answer.archived || type !== 'NPS' || contact === undefined || !isOnScale('NPS', value)) continue;
    const live = store.associations
      .ids('contacts', contact, 'companies')
      .some((id) => store.tables.companies.get(id)?.archived === false);
    if (live) counts[bucketOf('NPS', value)] += 1;
  }
  const customers = [...store.tables.companies.all()].filter(
    (company) => !company.archived && company.properties.lifecyclestage === 'customer',
  ).length;
  return { counts, customers };
}

describe.each(testDatabaseTargets())('the NPS report over a synced sandbox portal on $name', (target) => {
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    sandbox = await startFastSandbox({ companies: 150, seed: 21, now: () => now });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('when a generated portal is synced, then every year’s NPS answers add up to the generator’s own, bucket by bucket', async () => {
    const handle = await target.open();
    try {
      const { logger } = createMemoryLogger();
      await runSync(syncDeps(handle.db, createTestGateway(sandbox), logger), {
        portalId: sandbox.portalId,
        mode: 'full',
      });
      const report = await buildNpsReport(
        { db: handle.db, logger, portalId: sandbox.portalId, now: new Date(now) },
        { period: 'year', from: '2020-01-01' },
      );
      const all = report.rows.filter((row) => row.segment === 'all');
      const sum = (pick: (row: (typeof all)[number]) => number) =>
        all.reduce((total, row) => total + pick(row), 0);
      const expected = generatedNps(sandbox);
      expect(expected.counts.detractor).toBeGreaterThan(0);
      expect({
        promoter: sum((row) => row.nps.promoters.count),
        passive: sum((row) => row.nps.passives.count),
        detractor: sum((row) => row.nps.detractors.count),
      }).toEqual(expected.counts);
      expect(report.surveyDue.customers).toBe(expected.customers);
      // Every segment row of a year adds up to that year's `all` row.
      for (const row of all) {
        const segments = report.rows.filter(
          (other) => other.periodLabel === row.periodLabel && other.segment !== 'all',
        );
        expect(segments.reduce((total, other) => total + other.nps.n, 0)).toBe(row.nps.n);
      }
    } finally {
      await handle.close();
    }
  });
});
