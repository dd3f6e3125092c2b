import { randomBytes } from 'node:crypto';

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testDatabaseTargets } from '../../test/support/test-databases.ts';
import type { DatabaseHandle } from '../store/open-database.ts';
import { exportDatasets } from './export-datasets.ts';
import { portalA, portalB, seedBiStore, seededAt, type SeededIds } from './testing/seed-bi-store.ts';

const views = [
  'bi_health_scores',
  'bi_health_snapshots',
  'bi_signals',
  'bi_signal_events',
  'bi_playbook_runs',
  'bi_tasks',
  'bi_survey_answers',
];
const day = 86_400_000;

describe.each(testDatabaseTargets())('bi_* views on $name', (target) => {
  let handle: DatabaseHandle;
  let ids: SeededIds;

  beforeAll(async () => {
    handle = await target.open();
    ids = await seedBiStore(handle.db);
  });
  afterAll(async () => {
    await handle.close();
  });

  const rowsOf = async (view: string, portalId: number, order: string) =>
    (
      await sql<Record<string, unknown>>`select * from ${sql.table(view)} where portal_id = ${portalId}
        order by ${sql.raw(order)}`.execute(handle.db)
    ).rows;

  it('when a BI tool lists the views, then each has exactly the columns schema.json documents for its dataset', async () => {
    for (const dataset of exportDatasets.filter((candidate) => candidate.source.startsWith('view '))) {
      const view = dataset.source.slice('view '.length);
      const { rows } = await sql<{ column_name: string }>`
        select column_name from information_schema.columns
         where table_schema = current_schema() and table_name = ${view} order by ordinal_position`.execute(
        handle.db,
      );
      expect(
        rows.map((row) => row.column_name),
        view,
      ).toEqual(dataset.columns.map((column) => column.name));
    }
  });

  it('when the scores view is read, then components, trend and top driver are typed columns', async () => {
    const rows = await rowsOf('bi_health_scores', portalA, 'company_id');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      portal_id: portalA,
      company_id: '101',
      company_name: 'Acme, "Ltd"\nNorth',
      segment: 'smb',
      score: 72.5,
      tier: 'healthy',
      pending_tier: 'watch',
      trend_d7: -2.5,
      trend_d30: null,
      trend_d90: 4,
      top_driver_indicator: 'open_tickets',
      top_driver_component: 'support',
      top_driver_points_lost: 17.5,
      usage_score: 80,
      usage_weight: 0.5,
      usage_contribution: 40,
      support_score: 65,
      support_contribution: 32.5,
      // Dropped for want of data: no score, no weight.
      payment_score: null,
      payment_weight: 0,
      engagement_score: null,
      engagement_weight: null,
    });
    expect(rows[0]?.computed_at).toEqual(seededAt);
    // A company without a score still has its row, every component empty.
    expect(rows[1]).toMatchObject({ company_id: '102', score: null, tier: null, usage_score: null });
  });

  it('when snapshots are read, then each day is a date and each component a column', async () => {
    const rows = await rowsOf('bi_health_snapshots', portalA, 'company_id, day');
    expect(rows.map((row) => [row.company_id, row.usage_score, row.support_score])).toEqual([
      ['101', 75, null],
      ['101', 72.5, null],
      ['102', null, null],
    ]);
    const { rows: days } = await sql<{ day: string }>`
      select to_char(day, 'YYYY-MM-DD') as day from bi_health_snapshots where portal_id = ${portalA}
       order by company_id, day`.execute(handle.db);
    expect(days.map((row) => row.day)).toEqual(['2026-11-29', '2026-11-30', '2026-11-30']);
  });

  it("when signals and their events are read, then each event carries its signal's company and type", async () => {
    const signals = await rowsOf('bi_signals', portalA, 'signal_id');
    expect(signals.map((row) => [row.signal_id, row.company_id, row.status, row.close_reason])).toEqual([
      [ids.signalA1, '101', 'open', null],
      [ids.signalA2, '102', 'resolved', 'Called the customer, usage is back'],
    ]);
    expect(signals[0]?.evidence).toEqual([{ key: 'drop_share', value: 0.4 }]);
    const events = await rowsOf('bi_signal_events', portalA, 'signal_id, seq');
    expect(
      events.map((row) => [row.signal_id, row.company_id, row.signal_type, row.kind, row.to_status]),
    ).toEqual([
      [ids.signalA1, '101', 'usage_drop', 'opened', 'open'],
      [ids.signalA2, '102', 'detractor', 'opened', 'open'],
      [ids.signalA2, '102', 'detractor', 'resolved', 'resolved'],
    ]);
  });

  it('when playbook runs and tasks are read, then a run shows its step count and position', async () => {
    const runs = await rowsOf('bi_playbook_runs', portalA, 'run_id');
    expect(
      runs.map((row) => [row.run_id, row.company_id, row.step_count, row.current_step, row.signal_id]),
    ).toEqual([[ids.runA1, '101', 3, 1, ids.signalA1]]);
    const tasks = await rowsOf('bi_tasks', portalA, 'task_key');
    expect(tasks.map((row) => [row.task_key, row.status, row.hubspot_task_id])).toEqual([
      [`playbook:${ids.runA1}:0`, 'COMPLETED', '880001'],
      [`playbook:${ids.runA1}:1`, 'NOT_STARTED', null],
    ]);
  });

  it('when survey answers are read, then values and times are typed, odd values are null and archived answers are left out', async () => {
    const rows = await rowsOf('bi_survey_answers', portalA, 'answer_id');
    expect(
      rows.map((row) => [
        row.answer_id,
        row.company_id,
        row.survey_type,
        row.value,
        (row.submitted_at as Date | null)?.toISOString() ?? null,
      ]),
    ).toEqual([
      // Associated with 101 and 102: the lowest id is the company.
      ['9001', '101', 'NPS', 3, '2026-11-27T10:15:00.000Z'],
      // 'n/a' is no number; 1764547200000 ms is 2025-12-01T00:00:00Z.
      ['9002', null, 'CSAT', null, '2025-12-01T00:00:00.000Z'],
    ]);
    expect(rows[0]?.comment).toBe('Slow, and "support" never calls back');
  });

  it('when every view is filtered by one portal, then none returns a row of the other', async () => {
    for (const view of views) {
      const { rows } = await sql<{ portal_id: number }>`
        select distinct portal_id from ${sql.table(view)} where portal_id = ${portalB}`.execute(handle.db);
      expect(rows, view).toEqual([{ portal_id: portalB }]);
    }
  });

  it("when a BI role is set up as docs/bi-export.md shows, then it reads only its portal's views and no table", async () => {
    const suffix = randomBytes(4).toString('hex');
    const role = `harbor_bi_test_${suffix}`;
    const schema = `bi_portal_${suffix}`;
    const { rows: current } = await sql<{ schema: string }>`select current_schema() as schema`.execute(
      handle.db,
    );
    const harbor = current[0]?.schema ?? 'public';
    try {
      await sql`create role ${sql.id(role)} nologin`.execute(handle.db);
      await sql`create schema ${sql.id(schema)}`.execute(handle.db);
      await sql`create view ${sql.id(schema, 'signals')} with (security_barrier) as
        select * from ${sql.id(harbor, 'bi_signals')} where portal_id = ${sql.lit(portalB)}`.execute(
        handle.db,
      );
      // This view calls Harbor's lenient cast functions: the role must be able to run them too.
      await sql`create view ${sql.id(schema, 'survey_answers')} with (security_barrier) as
        select * from ${sql.id(harbor, 'bi_survey_answers')} where portal_id = ${sql.lit(portalB)}`.execute(
        handle.db,
      );
      await sql`grant usage on schema ${sql.id(schema)} to ${sql.id(role)}`.execute(handle.db);
      await sql`grant select on all tables in schema ${sql.id(schema)} to ${sql.id(role)}`.execute(handle.db);
      await handle.db.connection().execute(async (connection) => {
        await sql`set role ${sql.id(role)}`.execute(connection);
        try {
          const { rows } = await sql<{ portal_id: number; company_id: string }>`
            select portal_id, company_id from ${sql.id(schema, 'signals')}`.execute(connection);
          expect(rows).toEqual([{ portal_id: portalB, company_id: '201' }]);
          const { rows: answers } = await sql<{ answer_id: string; value: number }>`
            select answer_id, value from ${sql.id(schema, 'survey_answers')}`.execute(connection);
          expect(answers).toEqual([{ answer_id: '9101', value: 9 }]);
          await expect(sql`select 1 from ${sql.id(harbor, 'signals')}`.execute(connection)).rejects.toThrow(
            /permission denied/,
          );
          await expect(
            sql`select 1 from ${sql.id(harbor, 'bi_signals')}`.execute(connection),
          ).rejects.toThrow(/permission denied/);
        } finally {
          await sql`reset role`.execute(connection);
        }
      });
    } finally {
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(handle.db);
      await sql`drop owned by ${sql.id(role)}`.execute(handle.db).catch(() => undefined);
      await sql`drop role if exists ${sql.id(role)}`.execute(handle.db);
    }
  });

  it('when the seeded times are read back, then they are the instants written', async () => {
    const [signal] = await rowsOf('bi_signals', portalA, 'signal_id');
    expect((signal?.opened_at as Date).getTime()).toBe(seededAt.getTime() - 5 * day);
  });
});
