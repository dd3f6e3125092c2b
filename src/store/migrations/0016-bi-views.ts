import { sql, type Kysely } from 'kysely';

/**
 * Read-only views for BI tools (docs/bi-export.md): one per dataset of `harbor export`, with jsonb flattened
 * into typed columns and portal_id on every view. A BI role is granted SELECT on these views only; the views
 * read the tables with their owner's rights, so the role never sees a table (or a token) itself.
 *
 * HubSpot property values are text as HubSpot sent them; one odd value must not break a whole dashboard, so
 * they are cast through two lenient functions that answer null instead of failing. Harbor's own jsonb (scores,
 * components) is cast directly: Harbor wrote those numbers.
 */

const componentIds = ['usage', 'support', 'payment', 'engagement', 'sentiment', 'custom'] as const;

function componentPivot(): ReturnType<typeof sql.raw> {
  const columns = componentIds.flatMap((id) =>
    ['score', 'weight', 'contribution'].map(
      (field) =>
        `max((e->>'${field}')::double precision) filter (where e->>'id' = '${id}') as ${id}_${field}`,
    ),
  );
  return sql.raw(columns.join(',\n           '));
}

function snapshotComponents(): ReturnType<typeof sql.raw> {
  return sql.raw(
    componentIds
      .map((id) => `(s.components->>'${id}')::double precision as ${id}_score`)
      .join(',\n         '),
  );
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function harbor_bi_number(value text) returns double precision
      language plpgsql stable parallel safe as $$
    begin
      return nullif(trim(value), '')::double precision;
    exception when others then
      return null;
    end $$`.execute(db);
  // HubSpot sends datetimes as ISO 8601, and as epoch milliseconds in older payloads.
  await sql`
    create function harbor_bi_timestamp(value text) returns timestamptz
      language plpgsql stable parallel safe as $$
    begin
      if value ~ '^[0-9]{1,15}$' then
        return to_timestamp(value::bigint / 1000.0);
      end if;
      return nullif(trim(value), '')::timestamptz;
    exception when others then
      return null;
    end $$`.execute(db);

  await sql`
    create view bi_health_scores as
    select h.portal_id, h.company_id, c.properties->>'name' as company_name, h.segment, h.model_version,
           h.score, h.tier, h.tier_since, h.pending_tier, h.confidence, h.churn_probability,
           (h.trend->>'d7')::double precision as trend_d7,
           (h.trend->>'d30')::double precision as trend_d30,
           (h.trend->>'d90')::double precision as trend_d90,
           h.top_driver->>'indicator' as top_driver_indicator,
           h.top_driver->>'component' as top_driver_component,
           (h.top_driver->>'pointsLost')::double precision as top_driver_points_lost,
           comp.*,
           h.computed_at
      from health_scores h
      left join companies c on c.portal_id = h.portal_id and c.id = h.company_id
      cross join lateral (
        select ${componentPivot()}
          from jsonb_array_elements(h.components) e
      ) comp`.execute(db);

  await sql`
    create view bi_health_snapshots as
    select s.portal_id, s.company_id, s.day, s.score, s.tier, s.confidence, s.model_version,
         ${snapshotComponents()}
      from health_snapshots s`.execute(db);

  await sql`
    create view bi_signals as
    select s.portal_id, s.id as signal_id, s.company_id, s.type, s.kind, s.severity, s.status, s.owner_id,
           s.opened_at, s.due_at, s.last_fired_at, s.action_started_at, s.escalated_at, s.snoozed_until,
           s.snooze_count, s.closed_at, s.close_reason, s.evidence, s.updated_at
      from signals s`.execute(db);

  await sql`
    create view bi_signal_events as
    select e.portal_id, e.signal_id, e.seq, s.company_id, s.type as signal_type, e.kind, e.at, e.actor,
           e.from_status, e.to_status, e.note
      from signal_events e
      join signals s on s.portal_id = e.portal_id and s.id = e.signal_id`.execute(db);

  await sql`
    create view bi_playbook_runs as
    select r.portal_id, r.id as run_id, r.company_id, r.playbook, r.segment, r.language, r.status,
           r.current_step, jsonb_array_length(r.steps) as step_count, r.signal_id, r.reason, r.started_by,
           r.started_at, r.snoozed_until, r.next_attempt_at, r.ended_at, r.cancel_reason, r.last_error,
           r.updated_at
      from playbook_runs r`.execute(db);

  await sql`
    create view bi_tasks as
    select t.portal_id, t.task_key, t.company_id, t.owner_id, t.subject, t.due_at, t.hubspot_task_id, t.status,
           t.completed_at, t.create_attempts, t.last_error, t.created_at, t.updated_at
      from harbor_tasks t`.execute(db);

  // An answer reaches a company through its association (the sync links it); the lowest company id wins
  // when HubSpot associates one answer with several.
  await sql`
    create view bi_survey_answers as
    select f.portal_id, f.id as answer_id,
           (select min(ca.company_id) from company_associations ca
             where ca.portal_id = f.portal_id and ca.object_type = 'feedback_submissions'
               and ca.object_id = f.id) as company_id,
           f.properties->>'hs_contact_id' as contact_id,
           f.properties->>'hs_survey_type' as survey_type,
           f.properties->>'hs_survey_id' as survey_id,
           f.properties->>'hs_survey_name' as survey_name,
           f.properties->>'hs_survey_channel' as survey_channel,
           harbor_bi_number(f.properties->>'hs_value') as value,
           f.properties->>'hs_response_group' as response_group,
           f.properties->>'hs_sentiment' as sentiment,
           f.properties->>'hs_content' as comment,
           harbor_bi_timestamp(f.properties->>'hs_submission_timestamp') as submitted_at,
           f.hs_modified_at
      from feedback_submissions f
     where not f.archived`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const view of [
    'bi_survey_answers',
    'bi_tasks',
    'bi_playbook_runs',
    'bi_signal_events',
    'bi_signals',
    'bi_health_snapshots',
    'bi_health_scores',
  ]) {
    await sql`drop view if exists ${sql.id(view)}`.execute(db);
  }
  await sql`drop function if exists harbor_bi_timestamp(text)`.execute(db);
  await sql`drop function if exists harbor_bi_number(text)`.execute(db);
}
