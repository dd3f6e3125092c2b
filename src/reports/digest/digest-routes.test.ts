import { digestDocumentWire, digestListWire } from '@harbor/wire';
import request from 'supertest';
import { describe, expect, it } from 'vitest';

import { buildTestApp, signedHubSpotHeaders } from '../../../test/support/test-app.ts';
import { testDatabaseTargets } from '../../../test/support/test-databases.ts';
import { installPortals } from '../../jobs/testing/fake-sync.ts';
import { findDigest } from '../../store/repositories/feedback-digests-repository.ts';
import { createQuietLogger } from '../../sync/testing/sync-test-kit.ts';
import { buildFeedbackDigest } from './build-feedback-digest.ts';
import { seedDigestPortal } from './testing/digest-seed.ts';

const portalId = 7200;
const now = new Date('2026-12-10T12:00:00.000Z');

describe('the digest routes', () => {
  it.concurrent.each(testDatabaseTargets())(
    'when the page asks on $name, then it gets the stored months and a month’s digest, and another portal gets none',
    async (target) => {
      const handle = await target.open();
      try {
        await seedDigestPortal(handle.db, portalId, ['21', '22', '23', '24']);
        await buildFeedbackDigest(
          { db: handle.db, logger: createQuietLogger().logger },
          portalId,
          '2026-11',
          now,
        );
        const { app } = buildTestApp(handle, { now: () => now });
        const get = (path: string) =>
          request(app)
            .get(path)
            .set(signedHubSpotHeaders('GET', path, '', now));

        const list = await get(`/api/reports/digests?portalId=${portalId}&userId=7001`);
        expect(list.status).toBe(200);
        expect(digestListWire.parse(list.body).digests).toEqual([
          expect.objectContaining({ month: '2026-11', itemCount: 6, themeCount: 2, delivery: 'pending' }),
        ]);

        const one = await get(`/api/reports/digests/2026-11?portalId=${portalId}&userId=7001`);
        expect(one.status).toBe(200);
        const document = digestDocumentWire.parse(one.body);
        expect(document.digest.themes.map((theme) => theme.count)).toEqual([4, 2]);
        expect(document.markdown).toContain('# Product-feedback digest 2026-11');

        // A month the job has not reached is computed on the spot and not stored.
        const october = await get(`/api/reports/digests/2026-10?portalId=${portalId}&userId=7001`);
        // October holds the seed's one October comment ("Excel export is missing").
        expect(digestDocumentWire.parse(october.body).digest).toMatchObject({
          itemCount: 1,
          delivery: { status: 'pending' },
        });
        expect(await findDigest(handle.db, portalId, '2026-10')).toBeUndefined();

        // An installed portal of its own, with no feedback.
        const otherPortal = portalId + 1;
        await installPortals(handle.db, [otherPortal]);
        const other = await get(`/api/reports/digests?portalId=${otherPortal}&userId=7001`);
        expect(digestListWire.parse(other.body).digests).toEqual([]);
        const otherMonth = await get(`/api/reports/digests/2026-11?portalId=${otherPortal}&userId=7001`);
        expect(digestDocumentWire.parse(otherMonth.body).digest).toMatchObject({
          portalId: otherPortal,
          itemCount: 0,
        });

        const badMonth = await get(`/api/reports/digests/2026-13?portalId=${portalId}&userId=7001`);
        expect(badMonth.status).toBe(400);
      } finally {
        await handle.close();
      }
    },
    30_000,
  );
});
