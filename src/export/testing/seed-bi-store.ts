import type { Kysely } from 'kysely';

import { installPortals } from '../../jobs/testing/fake-sync.ts';
import type { Database } from '../../store/database-schema.ts';
import { upsertCrmObjects } from '../../store/repositories/crm-objects-repository.ts';

export const portalA = 7_100_001;
export const portalB = 7_100_002;
export const seededAt = new Date('2026-12-01T06:00:00.000Z');
const dayMs = 86_400_000;
const daysBefore = (days: number) => new Date(seededAt.getTime() - days * dayMs);

/** Ids the database generated for the seeded signals and runs, for the tests' expected rows. */
export interface SeededIds {
  signalA1: number;
  signalA2: number;
  signalB1: number;
  runA1: number;
  runB1: number;
}

/**
 * A small store with two portals: portal A has two scored companies (one without a score), two signals with
 * history, a playbook run, two tasks and three survey answers (one archived, one with a value HubSpot should
 * never send); portal B has one of each, so a test can tell whose rows it got. Texts carry commas, quotes and
 * newlines on purpose: the CSV must quote them.
 */
export async function seedBiStore(db: Kysely<Database>): Promise<SeededIds> {
  await installPortals(db, [portalA, portalB]);
  const company = (id: string, name: string) => ({
    id,
    properties: { name },
    archived: false,
    modifiedAt: seededAt,
  });
  await upsertCrmObjects(
    db,
    portalA,
    'companies',
    [company('101', 'Acme, "Ltd"\nNorth'), company('102', 'Beta')],
    seededAt,
  );
  await upsertCrmObjects(db, portalB, 'companies', [company('201', 'Gamma')], seededAt);

  const component = (id: string, score: number | null, weight: number, contribution: number) => ({
    id,
    score,
    weight,
    contribution,
    potential: weight * 100,
    indicators: [],
  });
  await db
    .insertInto('health_scores')
    .values([
      {
        portal_id: portalA,
        company_id: '101',
        model_version: 3,
        segment: 'smb',
        score: 72.5,
        tier: 'healthy',
        tier_since: daysBefore(30),
        pending_tier: 'watch',
        confidence: 0.8,
        churn_probability: 0.12,
        components: JSON.stringify([
          component('usage', 80, 0.5, 40),
          component('support', 65, 0.5, 32.5),
          component('payment', null, 0, 0),
        ]),
        top_driver: JSON.stringify({
          indicator: 'open_tickets',
          component: 'support',
          label: 'Open tickets',
          value: 3,
          pointsLost: 17.5,
        }),
        changes: JSON.stringify([]),
        trend: JSON.stringify({ d7: -2.5, d30: null, d90: 4 }),
        computed_at: seededAt,
      },
      {
        portal_id: portalA,
        company_id: '102',
        model_version: 3,
        segment: 'enterprise',
        score: null,
        tier: null,
        tier_since: null,
        pending_tier: null,
        confidence: 0,
        churn_probability: null,
        components: JSON.stringify([]),
        top_driver: null,
        changes: JSON.stringify([]),
        trend: JSON.stringify({ d7: null, d30: null, d90: null }),
        computed_at: seededAt,
      },
      {
        portal_id: portalB,
        company_id: '201',
        model_version: 1,
        segment: 'smb',
        score: 40,
        tier: 'at_risk',
        tier_since: daysBefore(2),
        pending_tier: null,
        confidence: 1,
        churn_probability: 0.4,
        components: JSON.stringify([component('usage', 40, 1, 40)]),
        top_driver: null,
        changes: JSON.stringify([]),
        trend: JSON.stringify({ d7: 0, d30: -10, d90: null }),
        computed_at: seededAt,
      },
    ])
    .execute();

  const snapshot = (portal: number, companyId: string, day: string, score: number | null) => ({
    portal_id: portal,
    company_id: companyId,
    day,
    score,
    tier: score === null ? null : score >= 70 ? ('healthy' as const) : ('at_risk' as const),
    confidence: score === null ? 0 : 0.8,
    components: JSON.stringify(score === null ? {} : { usage: score, support: null }),
    model_version: 3,
  });
  await db
    .insertInto('health_snapshots')
    .values([
      snapshot(portalA, '101', '2026-11-30', 72.5),
      snapshot(portalA, '101', '2026-11-29', 75),
      snapshot(portalA, '102', '2026-11-30', null),
      snapshot(portalB, '201', '2026-11-30', 40),
    ])
    .execute();

  const signal = (portal: number, companyId: string, type: string, closed: boolean) => ({
    portal_id: portal,
    company_id: companyId,
    type,
    kind: 'risk' as const,
    severity: closed ? ('medium' as const) : ('high' as const),
    status: closed ? ('resolved' as const) : ('open' as const),
    evidence: JSON.stringify([{ key: 'drop_share', value: 0.4 }]),
    owner_id: '55',
    action: JSON.stringify({ kind: 'playbook', playbook: 'risk' }),
    opened_at: daysBefore(5),
    due_at: daysBefore(3),
    last_fired_at: daysBefore(1),
    action_started_at: closed ? daysBefore(4) : null,
    escalated_at: null,
    snoozed_until: null,
    snooze_count: 0,
    status_before_recovery: null,
    closed_at: closed ? daysBefore(2) : null,
    close_reason: closed ? 'Called the customer, usage is back' : null,
    updated_at: daysBefore(1),
  });
  const signals = await db
    .insertInto('signals')
    .values([
      signal(portalA, '101', 'usage_drop', false),
      signal(portalA, '102', 'detractor', true),
      signal(portalB, '201', 'usage_drop', false),
    ])
    .returning(['id', 'portal_id', 'company_id'])
    .execute();
  const [signalA1, signalA2, signalB1] = signals.map((row) => row.id);
  if (signalA1 === undefined || signalA2 === undefined || signalB1 === undefined)
    throw new Error('no signals');
  const event = (
    portal: number,
    signalId: number,
    kind: string,
    days: number,
    to: string,
    from: string | null,
  ) => ({
    portal_id: portal,
    signal_id: signalId,
    kind,
    at: daysBefore(days),
    actor: 'harbor',
    from_status: from,
    to_status: to,
    note: kind === 'resolved' ? 'Usage is back, see "notes"' : null,
    evidence: null,
  });
  await db
    .insertInto('signal_events')
    .values([
      event(portalA, signalA1, 'opened', 5, 'open', null),
      event(portalA, signalA2, 'opened', 5, 'open', null),
      event(portalA, signalA2, 'resolved', 2, 'resolved', 'open'),
      event(portalB, signalB1, 'opened', 5, 'open', null),
    ])
    .execute();

  const run = (portal: number, companyId: string, signalId: number | null) => ({
    portal_id: portal,
    company_id: companyId,
    playbook: 'risk',
    segment: 'smb',
    language: 'pt-BR',
    steps: JSON.stringify([{ kind: 'task' }, { kind: 'task' }, { kind: 'wait' }]),
    status: 'running' as const,
    current_step: 1,
    signal_id: signalId,
    reason: 'signal usage_drop',
    started_by: 'harbor',
    started_at: daysBefore(4),
    snoozed_until: null,
    next_attempt_at: null,
    last_error: null,
    ended_at: null,
    cancel_reason: null,
    updated_at: daysBefore(1),
  });
  const runs = await db
    .insertInto('playbook_runs')
    .values([run(portalA, '101', signalA1), run(portalB, '201', null)])
    .returning('id')
    .execute();
  const [runA1, runB1] = runs.map((row) => row.id);
  if (runA1 === undefined || runB1 === undefined) throw new Error('no runs');

  const task = (portal: number, key: string, companyId: string, done: boolean) => ({
    portal_id: portal,
    task_key: key,
    company_id: companyId,
    owner_id: '55',
    subject: done ? 'Call Acme, then write notes' : 'Review the account plan',
    due_at: daysBefore(1),
    hubspot_task_id: done ? '880001' : null,
    status: done ? 'COMPLETED' : 'NOT_STARTED',
    completed_at: done ? daysBefore(2) : null,
    hubspot_modified_at: null,
    create_attempts: done ? 1 : 0,
    last_attempt_at: null,
    last_error: null,
    claim_owner: null,
    claim_expires_at: null,
    created_at: daysBefore(4),
    updated_at: daysBefore(2),
  });
  await db
    .insertInto('harbor_tasks')
    .values([
      task(portalA, `playbook:${runA1}:0`, '101', true),
      task(portalA, `playbook:${runA1}:1`, '101', false),
      task(portalB, `playbook:${runB1}:0`, '201', false),
    ])
    .execute();

  const answer = (id: string, properties: Record<string, string>, archived = false) => ({
    id,
    properties,
    archived,
    modifiedAt: daysBefore(3),
  });
  await upsertCrmObjects(
    db,
    portalA,
    'feedback_submissions',
    [
      answer('9001', {
        hs_contact_id: '501',
        hs_survey_type: 'NPS',
        hs_survey_id: '101',
        hs_survey_name: 'Quarterly NPS survey',
        hs_survey_channel: 'EMAIL',
        hs_value: '3',
        hs_response_group: 'DETRACTOR',
        hs_sentiment: 'NEGATIVE',
        hs_content: 'Slow, and "support" never calls back',
        hs_submission_timestamp: '2026-11-27T10:15:00.000Z',
      }),
      // Epoch milliseconds (older payloads) and a value that is no number: the view reads null, never fails.
      answer('9002', {
        hs_survey_type: 'CSAT',
        hs_value: 'n/a',
        hs_submission_timestamp: '1764547200000',
      }),
      answer('9003', { hs_survey_type: 'NPS', hs_value: '10' }, true),
    ],
    seededAt,
  );
  await upsertCrmObjects(
    db,
    portalB,
    'feedback_submissions',
    [
      answer('9101', {
        hs_survey_type: 'NPS',
        hs_value: '9',
        hs_submission_timestamp: '2026-11-20T08:00:00Z',
      }),
    ],
    seededAt,
  );
  await db
    .insertInto('company_associations')
    .values([
      {
        portal_id: portalA,
        company_id: '101',
        object_type: 'feedback_submissions',
        object_id: '9001',
        synced_at: seededAt,
      },
      {
        portal_id: portalA,
        company_id: '102',
        object_type: 'feedback_submissions',
        object_id: '9001',
        synced_at: seededAt,
      },
      {
        portal_id: portalB,
        company_id: '201',
        object_type: 'feedback_submissions',
        object_id: '9101',
        synced_at: seededAt,
      },
    ])
    .execute();
  return { signalA1, signalA2, signalB1, runA1, runB1 };
}
