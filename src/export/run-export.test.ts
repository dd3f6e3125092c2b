import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testDatabaseTargets } from '../../test/support/test-databases.ts';
import { buildRetentionReport } from '../reports/retention/build-retention-report.ts';
import {
  bookCompanies,
  bookDeals,
  bookNow,
  bookStages,
} from '../reports/retention/retention-book.fixture.ts';
import { seedRetentionStore } from '../reports/retention/testing/seed-retention-store.ts';
import type { DatabaseHandle } from '../store/open-database.ts';
import type { ExportDataset } from './datasets/export-dataset.ts';
import { retentionDataset } from './datasets/retention-dataset.ts';
import type { ExportRow } from './export-columns.ts';
import { exportDatasets } from './export-datasets.ts';
import type { SchemaDocument } from './export-schema.pure.ts';
import { runExport, type ExportProgress } from './run-export.ts';
import { readCsvRows, readParquetRows } from './testing/read-back.ts';
import { portalA, portalB, seedBiStore, seededAt } from './testing/seed-bi-store.ts';

const portalC = 7_100_003;
const storeDatasets = exportDatasets.filter((dataset) => dataset !== retentionDataset);

describe.each(testDatabaseTargets())('harbor export on $name', (target) => {
  let handle: DatabaseHandle;
  let root: string;
  /** Every dataset's rows of portals A and B, read in one batch each: what the files must hold. */
  const expected = new Map<string, ExportRow[]>();

  beforeAll(async () => {
    handle = await target.open();
    await seedBiStore(handle.db);
    await seedRetentionStore(
      handle.db,
      portalC,
      { companies: bookCompanies, deals: bookDeals, stages: bookStages },
      bookNow,
    );
    root = await mkdtemp(join(tmpdir(), 'harbor-export-test-'));
    for (const dataset of storeDatasets) {
      const rows: ExportRow[] = [];
      for (const portalId of [portalA, portalB]) {
        for await (const batch of dataset.batches({
          db: handle.db,
          portalId,
          now: seededAt,
          batchSize: 1_000,
        })) {
          rows.push(...batch);
        }
      }
      expected.set(dataset.name, rows);
    }
  });
  afterAll(async () => {
    await handle.close();
    await rm(root, { recursive: true, force: true });
  });

  const exportTo = async (
    name: string,
    format: 'csv' | 'parquet',
    extra: { datasets?: readonly ExportDataset[]; batchSize?: number; portalIds?: number[] } = {},
  ) => {
    const dir = join(root, `${target.name}-${name}`);
    const progress: ExportProgress[] = [];
    const summary = await runExport({
      db: handle.db,
      portalIds: extra.portalIds ?? [portalA, portalB],
      dir,
      format,
      now: seededAt,
      batchSize: extra.batchSize ?? 2,
      datasets: extra.datasets ?? storeDatasets,
      onProgress: (event) => progress.push(event),
    });
    return { dir, summary, progress };
  };

  it('when the store is exported as CSV in batches of 2, then each file parsed back equals the rows of both portals', async () => {
    const { dir, summary, progress } = await exportTo('csv', 'csv');
    for (const dataset of storeDatasets) {
      const rows = await readCsvRows(join(dir, `${dataset.name}.csv`), dataset.columns);
      expect(rows, dataset.name).toEqual(expected.get(dataset.name));
    }
    expect(summary.files.map((file) => [file.file, file.rows])).toEqual([
      ['scores.csv', 3],
      ['snapshots.csv', 4],
      ['signals.csv', 3],
      ['signal_events.csv', 4],
      ['playbook_runs.csv', 2],
      ['tasks.csv', 3],
      ['survey_answers.csv', 3],
    ]);
    // One "done" line per dataset, with what it wrote.
    expect(progress.filter((event) => event.done).map((event) => `${event.dataset}:${event.rows}`)).toEqual(
      summary.files.map((file) => `${file.dataset}:${file.rows}`),
    );
    expect((await readdir(dir)).sort()).toEqual(
      [...summary.files.map((file) => file.file), 'schema.json'].sort(),
    );
  });

  it('when a CSV is opened as text, then it has a header, CRLF records, RFC 4180 quotes and ISO timestamps', async () => {
    const { dir } = await exportTo('csv-text', 'csv', { datasets: storeDatasets.slice(0, 1) });
    const text = await readFile(join(dir, 'scores.csv'), 'utf8');
    const [header, first] = text.split('\r\n');
    expect(header?.startsWith('portal_id,company_id,company_name,segment,model_version,score,tier,')).toBe(
      true,
    );
    // The name holds a comma, quotes and a newline: quoted, quotes doubled, the newline kept inside.
    expect(first).toBe(
      `${portalA},101,"Acme, ""Ltd""\nNorth",smb,3,72.5,healthy,2026-11-01T06:00:00.000Z,watch,0.8,0.12,-2.5,,4,` +
        'open_tickets,support,17.5,80,0.5,40,65,0.5,32.5,,0,0,,,,,,,,,,2026-12-01T06:00:00.000Z',
    );
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('when the store is exported as Parquet, then hyparquet reads back the same rows with typed columns', async () => {
    const { dir } = await exportTo('parquet', 'parquet');
    for (const dataset of storeDatasets) {
      const rows = await readParquetRows(join(dir, `${dataset.name}.parquet`), dataset.columns);
      expect(rows, dataset.name).toEqual(expected.get(dataset.name));
    }
    const { parquetMetadataAsync, parquetSchema, asyncBufferFromFile } = await import('hyparquet');
    const metadata = await parquetMetadataAsync(await asyncBufferFromFile(join(dir, 'snapshots.parquet')));
    const types = Object.fromEntries(
      parquetSchema(metadata).children.map((child) => [
        child.element.name,
        child.element.converted_type ?? child.element.type,
      ]),
    );
    expect(types).toMatchObject({ portal_id: 'INT64', day: 'DATE', score: 'DOUBLE', model_version: 'INT32' });
    // Batches of 2 rows per portal: portal A's 3 snapshots make 2 row groups, portal B's 1 a third.
    expect(metadata.row_groups.map((group) => Number(group.num_rows))).toEqual([2, 1, 1]);
  });

  it('when a portal has no rows in a dataset, then its file still has the columns and no rows', async () => {
    const { dir } = await exportTo('empty', 'parquet', {
      portalIds: [portalC],
      datasets: storeDatasets.slice(2, 3),
    });
    expect(await readParquetRows(join(dir, 'signals.parquet'), storeDatasets[2]?.columns ?? [])).toEqual([]);
    const { dir: csvDir } = await exportTo('empty-csv', 'csv', {
      portalIds: [portalC],
      datasets: storeDatasets.slice(2, 3),
    });
    expect(await readFile(join(csvDir, 'signals.csv'), 'utf8')).toMatch(
      /^portal_id,signal_id,.*,updated_at\r\n$/,
    );
  });

  it('when schema.json is read, then it lists every file with its rows and each column with type and meaning', async () => {
    const { dir } = await exportTo('schema', 'csv');
    const schema = JSON.parse(await readFile(join(dir, 'schema.json'), 'utf8')) as SchemaDocument;
    expect(schema).toMatchObject({ harborExport: 1, format: 'csv', portals: [portalA, portalB] });
    expect(schema.exportedAt).toBe(seededAt.toISOString());
    expect(schema.datasets.map((dataset) => [dataset.file, dataset.rows])).toEqual([
      ['scores.csv', 3],
      ['snapshots.csv', 4],
      ['signals.csv', 3],
      ['signal_events.csv', 4],
      ['playbook_runs.csv', 2],
      ['tasks.csv', 3],
      ['survey_answers.csv', 3],
    ]);
    expect(schema.datasets[0]?.columns[0]).toEqual({
      name: 'portal_id',
      type: 'bigint',
      meaning: 'HubSpot portal (account) id',
    });
    expect(Object.keys(schema.types)).toContain('timestamp');
  });

  it('when retention metrics are exported, then the quarterly and monthly rows are those of the retention report', async () => {
    for (const format of ['csv', 'parquet'] as const) {
      const dir = join(root, `${target.name}-retention-${format}`);
      await runExport({
        db: handle.db,
        portalIds: [portalC],
        dir,
        format,
        now: bookNow,
        datasets: [retentionDataset],
      });
      const file = join(dir, `retention_metrics.${format}`);
      const rows =
        format === 'csv'
          ? await readCsvRows(file, retentionDataset.columns)
          : await readParquetRows(file, retentionDataset.columns);
      const reports = await Promise.all(
        (['quarter', 'month'] as const).map((period) =>
          buildRetentionReport(handle.db, portalC, { period }, bookNow),
        ),
      );
      const fromReports = reports.flatMap((report) =>
        report.rows.map((row) => ({
          portal_id: portalC,
          period: report.period,
          segment: row.segment,
          period_start: row.periodStart,
          period_end: row.periodEnd,
          complete: row.complete,
          customers_start: row.customersStart,
          customers_churned: row.customersChurned,
          starting_revenue: row.startingRevenue,
          churned_revenue: row.churnedRevenue,
          contraction_revenue: row.contractionRevenue,
          expansion_revenue: row.expansionRevenue,
          grr: row.grr,
          nrr: row.nrr,
          logo_churn: row.logoChurn,
          gross_revenue_churn: row.grossRevenueChurn,
          net_revenue_churn: row.netRevenueChurn,
        })),
      );
      expect(fromReports.some((row) => row.period === 'quarter')).toBe(true);
      expect(fromReports.some((row) => row.period === 'month' && row.customers_start > 0)).toBe(true);
      expect(rows, format).toEqual(fromReports);
    }
  });

  it('when a dataset fails halfway, then no file of the export is left and the previous export is untouched', async () => {
    const dir = join(root, `${target.name}-failing`);
    const first = storeDatasets[0];
    if (first === undefined) throw new Error('no dataset');
    await runExport({
      db: handle.db,
      portalIds: [portalA],
      dir,
      format: 'csv',
      now: seededAt,
      datasets: [first],
    });
    const before = await readFile(join(dir, 'scores.csv'), 'utf8');
    const failing: ExportDataset = {
      ...first,
      name: 'failing',
      async *batches(context) {
        yield* first.batches(context);
        throw new Error('the database went away');
      },
    };
    await expect(
      runExport({
        db: handle.db,
        portalIds: [portalA, portalB],
        dir,
        format: 'csv',
        now: new Date(seededAt.getTime() + 60_000),
        datasets: [first, failing],
        batchSize: 1,
      }),
    ).rejects.toThrow('the database went away');
    expect((await readdir(dir)).sort()).toEqual(['schema.json', 'scores.csv']);
    expect(await readFile(join(dir, 'scores.csv'), 'utf8')).toBe(before);
  });

  it('when the target is a file or under a file, then the export says it cannot write there', async () => {
    const file = join(root, `${target.name}-a-file`);
    await writeFile(file, 'not a folder');
    const attempt = (dir: string) =>
      runExport({
        db: handle.db,
        portalIds: [portalA],
        dir,
        format: 'csv',
        now: seededAt,
        datasets: storeDatasets,
      });
    await expect(attempt(file)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: `${file} is not a folder`,
    });
    await expect(attempt(join(file, 'sub'))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: `cannot write to ${join(file, 'sub')}: a part of the path is a file`,
    });
  });
});
