import { describe, expect, it } from 'vitest';

import { testDatabaseTargets } from '../../../test/support/test-databases.ts';
import { createQuietLogger } from '../../sync/testing/sync-test-kit.ts';
import { digestReportBuilder } from './digest-report-builder.ts';
import { findDigest, recordDigestDelivery } from '../../store/repositories/feedback-digests-repository.ts';
import { seedDigestPortal } from './testing/digest-seed.ts';

const portalId = 7100;

describe('harbor report digest', () => {
  it.concurrent.each(testDatabaseTargets())(
    'when --from falls in November on $name, then November’s digest is printed in every format and stored, keeping how it was sent',
    async (target) => {
      const handle = await target.open();
      try {
        await seedDigestPortal(handle.db, portalId, ['11', '12', '13', '14']);
        const context = {
          db: handle.db,
          logger: createQuietLogger().logger,
          portalId,
          now: new Date('2026-12-15T12:00:00.000Z'),
        };
        const first = await digestReportBuilder(context, { period: 'month', from: '2026-11-20' });
        expect(first.json).toMatchObject({ month: '2026-11', itemCount: 6, delivery: { status: 'pending' } });
        expect(first.table.split('\n').slice(0, 4)).toEqual([
          'Product-feedback digest 2026-11',
          'Theme                     Count  Last month  Trend  Companies  Contract value',
          'excel · export · reports  4      1           up     3          42,000',
          'login · sso · fails       2      0           new    2          38,000',
        ]);
        expect(first.md).toContain('| login · sso · fails | 2 | 0 | new | 2 | 38,000 |');
        expect(first.csv.split('\r\n')).toHaveLength(4);

        // Sent, then built again: the content is replaced, the delivery is kept.
        await recordDigestDelivery(handle.db, portalId, '2026-11', {
          status: 'task',
          reference: '77',
          at: '2026-12-01T06:23:00.000Z',
          detail: null,
        });
        await digestReportBuilder(
          { ...context, now: new Date('2026-12-16T12:00:00.000Z') },
          { period: 'month', from: '2026-11-01' },
        );
        const stored = await findDigest(handle.db, portalId, '2026-11');
        expect(stored?.digest).toMatchObject({
          builtAt: '2026-12-16T12:00:00.000Z',
          delivery: { status: 'task', reference: '77' },
        });

        // Without --from: the last complete month (November, on December 15th), not December's few days.
        const latest = await digestReportBuilder(context, { period: 'month' });
        expect(latest.json).toMatchObject({ month: '2026-11' });
        // Another portal sees none of it.
        const other = await digestReportBuilder({ ...context, portalId: portalId + 1 }, { period: 'month' });
        expect(other.json).toMatchObject({ itemCount: 0, themes: [] });
      } finally {
        await handle.close();
      }
    },
    30_000,
  );
});
