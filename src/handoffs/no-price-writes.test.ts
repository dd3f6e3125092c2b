import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { scanRepository, scanSource } from './testing/price-write-scan.ts';

const root = join(import.meta.dirname, '..', '..');

describe('no code path writes a deal amount or a price (static walk of src/ and workflows/)', () => {
  it('when Harbor’s source is walked, then no HubSpot write of a deal, line item, product or quote is found', () => {
    expect(scanRepository(root)).toEqual([]);
  });

  // The walk must catch each way a violation could be written; each snippet is one a change could introduce.
  it.each([
    [
      'a gateway batch update of a deal amount',
      `await gateway.batchUpdate('deals', [{ id, properties: { amount: '1200' } }]);`,
      "batchUpdate('deals') with amount",
    ],
    [
      'a gateway batch create of a line item',
      `await portal.batchCreate('line_items', [{ properties: { price: '10', quantity: '2' } }]);`,
      "batchCreate('line_items') with price, quantity",
    ],
    [
      'an SDK deal update',
      `await api.call('standard', (client) => client.crm.deals.basicApi.update(id, { properties: { dealname: 'x' } }));`,
      'SDK write crm.deals…update',
    ],
    [
      'an SDK line-item batch upsert',
      `client.crm.lineItems.batchApi.upsert(body);`,
      'SDK write crm.lineItems…upsert',
    ],
    [
      'a generic SDK create by object type id',
      `client.crm.objects.basicApi.create('0-3', body);`,
      "create('0-3')",
    ],
    [
      'a write whose object type is a variable',
      `await gateway.batchUpsert(objectType, inputs);`,
      'batchUpsert of an object type Harbor cannot check statically',
    ],
    [
      'a raw request to the deals endpoint',
      'await fetch(`${base}/crm/v3/objects/deals/${id}`, { method: "PATCH", body });',
      'raw URL to a money object: /crm/v3/objects/deals/',
    ],
  ])('when a change adds %s, then the walk reports it', (_name, snippet, what) => {
    const findings = scanSource('src/example/added.ts', `async function f() {\n${snippet}\n}`);
    expect(findings).toEqual([{ file: 'src/example/added.ts', line: 2, what }]);
  });

  it.each([
    ['a company write', `await gateway.batchUpdate('companies', [{ id, properties: { amount: '1' } }]);`],
    [
      'a task queue write',
      `await gateway.batchUpdate('tasks', [{ id, properties: { hs_queue_membership_ids: '1' } }]);`,
    ],
    ['a deal read', `await gateway.batchRead('deals', ids, { properties: ['amount'] });`],
  ])('when the code has %s, then the walk leaves it alone', (_name, snippet) => {
    expect(scanSource('src/example/fine.ts', snippet)).toEqual([]);
  });
});
