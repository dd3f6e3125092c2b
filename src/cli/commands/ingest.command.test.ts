import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createCapturingLogger } from '../../../test/support/capturing-logger.ts';
import { testDatabaseTargets } from '../../../test/support/test-databases.ts';
import { createUsageIngest } from '../../ingest/usage-ingest.ts';
import { installPortals } from '../../jobs/testing/fake-sync.ts';
import type { DatabaseHandle } from '../../store/open-database.ts';
import { upsertCrmObjects } from '../../store/repositories/crm-objects-repository.ts';
import { CliUsageError } from '../cli-command.ts';
import { createStatusArea } from '../terminal/status-area.ts';
import { ingestCommand, type IngestCommandDeps } from './ingest.command.ts';

const now = new Date('2026-11-24T12:00:00.000Z');
const portal = 9_500_001;

const linesOf = (text: string) => text.split('\n');

describe.each(testDatabaseTargets())('harbor ingest usage on $name', (target) => {
  let handle: DatabaseHandle;
  let portals = [portal];
  const err: string[] = [];
  const out: string[] = [];
  const clock = { ms: now.getTime() };

  const deps = (csv: string, interactive = false): IngestCommandDeps => ({
    logger: createCapturingLogger().logger,
    listActivePortals: () => Promise.resolve(portals),
    ingest: createUsageIngest({ db: handle.db, logger: createCapturingLogger().logger, now: () => now }),
    openCsv: () => Promise.resolve({ bytes: csv.length, lines: linesOf(csv) }),
    // Each reading of the clock is 150 ms after the last, so the bar redraws between batches.
    now: () => new Date((clock.ms += 150)),
    status: createStatusArea({ write: (text: string) => err.push(text), isTTY: interactive, columns: 120 }),
    out: { write: (text: string) => out.push(text) },
  });
  const run = (csv: string, argv = ['usage', '--csv', 'usage.csv'], interactive = false) => {
    const parsed = ingestCommand.parse(argv);
    if (parsed.kind !== 'run') throw new Error('expected a run');
    return ingestCommand.run(parsed.args, deps(csv, interactive));
  };

  beforeAll(async () => {
    handle = await target.open();
    await installPortals(handle.db, [portal]);
    await upsertCrmObjects(
      handle.db,
      portal,
      'companies',
      Array.from({ length: 3 }, (_, i) => ({
        id: String(101 + i),
        properties: { domain: `co${101 + i}.example` },
        archived: false,
        modifiedAt: now,
      })),
      now,
    );
  });
  afterAll(async () => {
    await handle.close();
  });

  it('when a CSV has good and bad rows, then the good ones are stored and each bad one is printed with its line', async () => {
    const csv = [
      'company_id,domain,date,activeUsers,seats,logins,feature:reports',
      '101,,2026-11-20,8,10,30,2',
      ',co102.example,2026-11-20,5,,12,',
      '103,,2026-11-20,lots,10,1,',
      '999,,2026-11-20,1,1,1,',
    ].join('\n');
    err.length = 0;
    out.length = 0;
    expect(await run(csv)).toBe(1);
    expect(err.filter((line) => line.startsWith('line '))).toEqual([
      'line 4: metrics.activeUsers: Invalid input: expected number, received string\n',
      expect.stringMatching(/^line 5: company: no company 999/),
    ]);
    expect(out.join('')).toMatch(/^portal 9500001: 4 rows, 2 applied, 2 refused in /);
    const { rows } = await sql<{ company_id: string; n: string }>`
      select company_id, count(*)::text as n from usage_daily group by company_id order by company_id`.execute(
      handle.db,
    );
    expect(rows).toEqual([
      { company_id: '101', n: '4' },
      { company_id: '102', n: '2' },
    ]);
  });

  it('when the file is larger than a batch, then it goes in 5,000-row batches with a progress bar that ends at 100 %', async () => {
    const lines = ['company_id,date,logins'];
    for (let i = 0; i < 12_000; i += 1)
      lines.push(
        `${101 + (i % 3)},2026-${String(1 + (i % 10)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')},${i}`,
      );
    err.length = 0;
    out.length = 0;
    expect(await run(lines.join('\n'), undefined, true)).toBe(0);
    const bars = err.filter((text) => text.includes('ingest ['));
    expect(bars.length).toBeGreaterThanOrEqual(3);
    expect(bars.at(-1)).toMatch(/\[█{24}\] 100% 12,000 rows/);
    expect(out.join('')).toMatch(/12,000 rows, 12,000 applied, 0 refused/);
  });

  it('when the header lacks a date, or several portals are installed and none is named, then nothing is sent (exit 2)', async () => {
    err.length = 0;
    expect(await run('company_id,logins\n101,3')).toBe(2);
    expect(err.join('')).toMatch(/no "date" column/);
    portals = [portal, 9_500_002];
    expect(await run('company_id,date,logins\n101,2026-11-01,3')).toBe(2);
    expect(err.join('')).toMatch(/name one with --portal/);
    portals = [portal];
  });

  it('when the arguments are wrong, then it is a usage error', () => {
    expect(() => ingestCommand.parse(['usage'])).toThrow(CliUsageError);
    expect(() => ingestCommand.parse(['users', '--csv', 'x.csv'])).toThrow(/ingest usage --csv/);
    expect(ingestCommand.parse(['usage', '--csv', 'x.csv', '--portal', '7'])).toEqual({
      kind: 'run',
      args: { csv: 'x.csv', portal: 7 },
    });
  });
});
