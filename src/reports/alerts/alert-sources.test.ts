import { defaultReportSettings } from '@harbor/wire';
import { describe, expect, it } from 'vitest';

import { createCapturingLogger } from '../../../test/support/capturing-logger.ts';
import { testDatabaseTargets } from '../../../test/support/test-databases.ts';
import { unreachableGateway } from '../../jobs/testing/fake-sync.ts';
import { saveSettingsVersion } from '../../store/repositories/settings-repository.ts';
import { buildRetentionReport } from '../retention/build-retention-report.ts';
import { bookCompanies, bookDeals, bookNow, bookStages } from '../retention/retention-book.fixture.ts';
import { seedRetentionStore } from '../retention/testing/seed-retention-store.ts';
import { alertWindow } from './alert-window.pure.ts';
import { reportAlertSources } from './alert-sources.ts';
import { listPortfolioAlerts } from '../../store/repositories/report-alerts-repository.ts';
import { runReportAlerts } from './report-alerts.job.ts';

const portal = 7_800_001;

describe('the alerts read the real reports', () => {
  it.concurrent.each(testDatabaseTargets())(
    'when the book’s last complete quarter misses a GRR target on $name, then the alert carries the retention report’s own figure',
    async (target) => {
      const handle = await target.open();
      try {
        await seedRetentionStore(
          handle.db,
          portal,
          { companies: bookCompanies, deals: bookDeals, stages: bookStages },
          bookNow,
        );
        const { logger } = createCapturingLogger();
        const window = alertWindow('quarter', bookNow);
        const report = await buildRetentionReport(
          handle.db,
          portal,
          { period: 'quarter', ...window },
          bookNow,
          logger,
        );
        const last = report.rows.filter((row) => row.segment === 'all' && row.complete).at(-1);
        if (last?.grr == null) throw new Error('the book needs a complete quarter with a GRR');
        // A target just above what the book kept: a breach by construction, whatever the book's figure is.
        const targetGrr = last.grr + 0.01;
        await saveSettingsVersion(
          handle.db,
          portal,
          {
            reports: {
              ...defaultReportSettings,
              targets: [{ segment: 'all', metric: 'grr', target: targetGrr }],
            },
          },
          'test',
        );

        const outcome = await runReportAlerts(
          {
            db: handle.db,
            gateway: unreachableGateway,
            logger,
            instanceId: 'test',
            now: () => bookNow,
            sources: reportAlertSources(logger),
          },
          portal,
        );

        expect(outcome.unread).toEqual([]);
        const alerts = await listPortfolioAlerts(handle.db, portal, bookNow);
        expect(alerts.open).toEqual([
          expect.objectContaining({
            segment: 'all',
            metric: 'grr',
            kind: 'below_target',
            periodStart: last.periodStart,
            value: last.grr,
            reference: targetGrr,
            // No CS lead in the settings: shown, not routed, and HubSpot never asked.
            task: 'not_routed',
          }),
        ]);
      } finally {
        await handle.close();
      }
    },
    60_000,
  );
});
