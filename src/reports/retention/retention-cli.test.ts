import { retentionReportWire } from '@harbor/wire';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testDatabaseTargets } from '../../../test/support/test-databases.ts';
import { reportCommand } from '../../cli/commands/report.command.ts';
import type { DatabaseHandle } from '../../store/open-database.ts';
import { reportBuilders } from '../report-registry.ts';
import { bookCompanies, bookDeals, bookNow, bookStages } from './retention-book.fixture.ts';
import { seedRetentionStore } from './testing/seed-retention-store.ts';

const portal = 7_800_001;
const [pglite] = testDatabaseTargets();

describe('harbor report retention', () => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await pglite!.open();
    await seedRetentionStore(
      handle.db,
      portal,
      { companies: bookCompanies, deals: bookDeals, stages: bookStages },
      bookNow,
    );
  });
  afterAll(async () => {
    await handle.close();
  });

  async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
    const parsed = reportCommand.parse(['retention', ...argv]);
    if (parsed.kind !== 'run') throw new Error('expected a run');
    let out = '';
    let err = '';
    const logger = pino({ level: 'silent' });
    const code = await reportCommand.run(parsed.args, {
      logger,
      listActivePortals: () => Promise.resolve([portal]),
      build: (kind, portalId, query) =>
        reportBuilders[kind]({ db: handle.db, logger, portalId, now: bookNow }, query),
      out: { write: (text: string) => (out += text) },
      err: { write: (text: string) => (err += text) },
    });
    return { code, out, err };
  }

  it('when asked for json, then one line holds the wire object with ratios as fractions, not percents', async () => {
    const { code, out, err } = await run('--format', 'json', '--from', '2025-04-01', '--to', '2025-06-30');
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out.trimEnd().split('\n')).toHaveLength(1);
    const report = retentionReportWire.parse(JSON.parse(out));
    expect(Object.keys(report)).toEqual(['portalId', 'period', 'from', 'to', 'rows']);
    expect(report.period).toBe('quarter');
    const all = report.rows[0]!;
    expect(Object.keys(all)).toEqual(
      expect.arrayContaining([
        'segment',
        'periodStart',
        'customersStart',
        'customersChurned',
        'startingRevenue',
        'churnedRevenue',
        'contractionRevenue',
        'expansionRevenue',
        'grr',
        'nrr',
        'logoChurn',
      ]),
    );
    // Q2 2025, all: GRR 98,000/150,000 (worked in retention-report.test.ts) — 0.653333, never 65.33.
    expect(all).toMatchObject({ segment: 'all', periodStart: '2025-04-01', grr: 0.653333, nrr: 0.72 });
  });

  it('when asked for a table, then people read percentages with their units and the open period marked', async () => {
    const { out } = await run('--period', 'year', '--from', '2025-01-01');
    expect(out).toContain('Retention by year, 2025-01-01 to 2026-12-31');
    const lines = out.split('\n');
    expect(lines[1]).toMatch(/^period\s+segment\s+customers at start\s+churned\s+starting ARR/);
    // 2025, all (worked in retention-report.test.ts): GRR 0.618984 → 61.9 %, NRR 0.688503 → 68.9 %.
    expect(lines.find((line) => /^2025-01-01\s+all\s/.test(line))).toMatch(/149,600.*61\.9\s+68\.9\s+25\.0/);
    expect(lines.some((line) => line.startsWith('2026-01-01*'))).toBe(true);
  });

  it('when asked for csv or md, then the same rows come out with the json’s columns or as a Markdown table', async () => {
    const csv = (
      await run('--format', 'csv', '--from', '2025-04-01', '--to', '2025-06-30', '--segment', 'SMB')
    ).out;
    expect(csv.split('\n').slice(0, 2)).toEqual([
      'segment,periodStart,periodEnd,complete,customersStart,customersChurned,startingRevenue,churnedRevenue,contractionRevenue,expansionRevenue,grr,nrr,logoChurn,grossRevenueChurn,netRevenueChurn',
      'SMB,2025-04-01,2025-06-30,true,6,0,50000,0,2000,5000,0.96,1.06,0,0.04,-0.06',
    ]);
    const md = (await run('--format', 'md', '--from', '2025-04-01', '--to', '2025-06-30')).out;
    expect(md).toContain('| period | segment | customers at start |');
    expect(md).toContain(
      '| 2025-04-01 | SMB | 6 | 0 | 50,000 | 0 | 2,000 | 5,000 | 96.0 | 106.0 | 0.0 | 4.0 | -6.0 |',
    );
  });
});
