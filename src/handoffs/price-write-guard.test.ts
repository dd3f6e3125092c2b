import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { RunningSandbox } from '../sandbox/start-sandbox.ts';
import { isAppError } from '../shared/errors/app-error.ts';
import { createTestGateway, sandboxStats, startFastSandbox } from '../sync/testing/sync-test-kit.ts';
import { priceProperties } from './price-write-guard.pure.ts';

describe('the gateway refuses price and amount writes (runtime guard)', () => {
  let sandbox: RunningSandbox;
  let dealId: string;
  let amountBefore: string | null | undefined;

  beforeAll(async () => {
    sandbox = await startFastSandbox({ companies: 3, seed: 5 });
    const first = sandbox.sandbox.world.defaultPortal.tables.deals.all().next();
    if (first.done === true) throw new Error('the sandbox portal has no deal');
    dealId = first.value.id;
    amountBefore = first.value.properties.amount;
  }, 30_000);
  afterAll(async () => {
    await sandbox.close();
  });

  const portalGateway = () => createTestGateway(sandbox).forPortal(sandbox.portalId);

  it.each([
    ['a batch update of a deal amount', 'batchUpdate', 'deals', { amount: '99999' }],
    ['a batch update of a deal by type id', 'batchUpdate', '0-3', { amount_in_home_currency: '1' }],
    [
      'a batch create of a line item with a price',
      'batchCreate',
      'line_items',
      { price: '10', name: 'Seat' },
    ],
    ['a batch upsert of a deal discount', 'batchUpsert', 'deals', { hs_discount_percentage: '20' }],
  ] as const)(
    'when Harbor sends %s, then the gateway refuses it before anything reaches HubSpot',
    async (_name, method, objectType, properties) => {
      const before = (await sandboxStats(sandbox)).calls;
      const gateway = portalGateway();
      const attempt =
        method === 'batchCreate'
          ? gateway.batchCreate(objectType, [{ properties }])
          : method === 'batchUpsert'
            ? gateway.batchUpsert(objectType, [{ id: dealId, idProperty: 'hs_object_id', properties }])
            : gateway.batchUpdate(objectType, [{ id: dealId, properties }]);
      const error: unknown = await attempt.catch((caught: unknown) => caught);
      expect(isAppError(error) && error.code).toBe('INTERNAL');
      expect((error as Error).message).toMatch(/never edits prices or deal amounts/);
      // Nothing was sent: the sandbox saw no new write, and the deal keeps its amount.
      const after = (await sandboxStats(sandbox)).calls;
      const writesSent = Object.keys(after).filter(
        (call) => !call.startsWith('GET') && (after[call] ?? 0) !== (before[call] ?? 0),
      );
      expect(writesSent).toEqual([]);
      expect(sandbox.sandbox.world.defaultPortal.tables.deals.get(dealId)?.properties.amount).toBe(
        amountBefore,
      );
    },
  );

  it('when Harbor writes a deal property that is not money, then the gateway lets it through', async () => {
    const result = await portalGateway().batchUpdate('deals', [
      { id: dealId, properties: { dealname: 'Renewal 2027 (finance reviewing)' } },
    ]);
    expect(result).toMatchObject({ errors: [] });
    expect(sandbox.sandbox.world.defaultPortal.tables.deals.get(dealId)?.properties.dealname).toBe(
      'Renewal 2027 (finance reviewing)',
    );
  });

  it('when the properties of a write are checked, then only money properties of money objects count', () => {
    expect(priceProperties('deals', ['amount', 'dealname', 'hs_arr', 'closedate'])).toEqual([
      'amount',
      'hs_arr',
    ]);
    expect(priceProperties('line_items', ['quantity', 'name', 'hs_discount_percentage'])).toEqual([
      'quantity',
      'hs_discount_percentage',
    ]);
    // Companies carry Harbor's own contract value, read-only for Harbor but not a HubSpot price.
    expect(priceProperties('companies', ['amount', 'price'])).toEqual([]);
  });
});
