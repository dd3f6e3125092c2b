import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { generatePortal } from './generate-portal.ts';
import { RENEWALS_PIPELINE, renewalStages, salesStages } from './pipelines.ts';
import { writeRevenueLedger } from './revenue-ledger.ts';

const NOW = Date.UTC(2026, 10, 24);
const portal = generatePortal({ companies: 400, seed: 11, now: NOW });
const { store, ledger, truth } = portal;
const folders: string[] = [];

afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

function dealsOf(companyId: string) {
  return store.associations
    .ids('companies', companyId, 'deals')
    .map((id) => store.tables.deals.get(id))
    .filter((deal) => deal !== undefined);
}

describe('the revenue ledger', () => {
  it('when a portal is generated, then every event is a deal of that company with the same amount, close date and outcome', () => {
    expect(ledger).toHaveLength(400);
    let events = 0;
    for (const entry of ledger) {
      const deals = new Map(dealsOf(entry.companyId).map((deal) => [deal.id, deal.properties]));
      for (const event of entry.events) {
        events += 1;
        const deal = deals.get(event.dealId);
        expect(deal, `${entry.companyId} ${event.dealId}`).toBeDefined();
        expect(deal?.amount).toBe(String(event.amount));
        expect(deal?.closedate).toBe(event.closedAt);
        const expectedStage = {
          start: salesStages.won,
          expansion_won: salesStages.won,
          renewal_won: renewalStages.won,
          renewal_lost: renewalStages.lost,
        }[event.kind];
        expect(deal?.dealstage).toBe(expectedStage);
        expect(deal?.dealtype).toBe(event.kind === 'start' ? 'newbusiness' : 'existingbusiness');
        expect(deal?.pipeline === RENEWALS_PIPELINE).toBe(event.kind.startsWith('renewal'));
      }
    }
    expect(events).toBeGreaterThan(400 * 2);
  });

  it('when a deal is won or a renewal closed, then it is in the ledger; open deals and lost upsells are not', () => {
    for (const entry of ledger) {
      const recorded = new Set(entry.events.map((event) => event.dealId));
      for (const deal of dealsOf(entry.companyId)) {
        const { dealstage, pipeline } = deal.properties;
        const counts =
          dealstage === salesStages.won ||
          (pipeline === RENEWALS_PIPELINE && deal.properties.hs_is_closed === 'true');
        expect(recorded.has(deal.id), `${deal.id} ${dealstage}`).toBe(counts);
      }
    }
  });

  it('when a customer churned, then churnedAt is its lost renewal and falls on the churn date the company shows', () => {
    const churners = ledger.filter((entry) => entry.churnedAt !== null);
    expect(churners.length).toBeGreaterThan(20);
    for (const entry of ledger) {
      const company = store.tables.companies.get(entry.companyId)?.properties;
      const row = truth.find((truthRow) => truthRow.companyId === entry.companyId);
      expect(entry.churnedAt !== null).toBe(row?.outcomeKnown === true && row.churned);
      expect(company?.customer_segment).toBe(entry.segmentLabel);
      expect(company?.contract_value).toBe(String(entry.contractValue));
      expect(company?.hubspot_owner_id).toBe(entry.ownerId);
      if (entry.churnedAt === null) continue;
      // The lost renewal closes 0–5 days after the anniversary the company's churn_date names.
      const churnDay = Date.parse(`${company?.churn_date ?? ''}T00:00:00Z`);
      const lostAt = Date.parse(entry.churnedAt);
      expect(lostAt - churnDay).toBeGreaterThanOrEqual(0);
      expect(lostAt - churnDay).toBeLessThan(6 * 86_400_000);
      // Nothing is won after the customer left: upsells still open at the renewal were lost with it.
      expect(entry.events.at(-1)?.kind).toBe('renewal_lost');
    }
  });

  it('when events are listed, then they run in close-date order and begin with the start', () => {
    for (const entry of ledger) {
      expect(entry.events[0]?.kind).toBe('start');
      const times = entry.events.map((event) => Date.parse(event.closedAt));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      const years = entry.events.flatMap((event) => (event.year === undefined ? [] : [event.year]));
      expect(years).toEqual(years.map((_, index) => index + 1));
    }
  });

  it('when written, then each company is one JSON line in a folder created for it', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'harbor-ledger-'));
    folders.push(folder);
    const path = join(folder, 'nested', 'ledger.jsonl');

    await writeRevenueLedger(path, ledger.slice(0, 30));

    const lines = (await readFile(path, 'utf8')).split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1).map((line) => JSON.parse(line) as unknown)).toEqual(ledger.slice(0, 30));
  });
});
