import type { ColumnType, Generated, JSONColumnType } from 'kysely';

import type { ComponentResult, HealthChange, HealthDriver, HealthResult } from '../health/health-types.ts';
import type { ComponentId, Tier } from '../health/model/health-model-schema.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T extends object | null> = JSONColumnType<T>;

export type AuthKind = 'oauth' | 'static';

export interface PortalsTable {
  portal_id: number;
  auth_kind: AuthKind;
  /** AES-256-GCM ciphertext, never the token itself. */
  access_token_enc: string | null;
  refresh_token_enc: string | null;
  token_expires_at: Timestamp | null;
  scopes: Json<string[]>;
  hub_domain: string | null;
  /** IANA zone from HubSpot's account details, e.g. America/Sao_Paulo. */
  time_zone: string | null;
  /** ISO 4217 code of the portal's company currency. */
  company_currency: string | null;
  installed_at: Timestamp;
  uninstalled_at: Timestamp | null;
  updated_at: Timestamp;
}

/** Companies, deals, tickets, contacts and feedback submissions share one shape: HubSpot's own. */
export interface CrmObjectTable {
  portal_id: number;
  id: string;
  /** Property values as HubSpot sends them: strings or null. */
  properties: Json<Record<string, string | null>>;
  archived: ColumnType<boolean, boolean | undefined, boolean>;
  /** HubSpot's hs_lastmodifieddate (or updatedAt): the ordering key that stops older data overwriting newer. */
  hs_modified_at: Timestamp;
  synced_at: Timestamp;
}

export interface OwnersTable {
  portal_id: number;
  id: string;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  user_id: string | null;
  archived: ColumnType<boolean, boolean | undefined, boolean>;
  synced_at: Timestamp;
  /** The owner's HubSpot teams (hand-offs routed to a team pick one of its members); set by the owners sync. */
  team_ids: ColumnType<string[], string | undefined, string>;
}

export interface CompanyAssociationsTable {
  portal_id: number;
  company_id: string;
  object_type: CrmObjectType;
  object_id: string;
  synced_at: Timestamp;
}

export interface SyncStateTable {
  portal_id: number;
  object_type: string;
  phase: string;
  checkpoint: Json<Record<string, unknown>>;
  last_modified_at: Timestamp | null;
  updated_at: Timestamp;
}

export interface WebhookEventsTable {
  portal_id: number;
  event_id: string;
  subscription_type: string;
  object_id: string | null;
  occurred_at: Timestamp;
  payload: Json<Record<string, unknown>>;
  received_at: CreatedAt;
  processed_at: Timestamp | null;
}

/** An event the webhook intake refused; `payload` is a bounded, escaped copy (text: jsonb would refuse it). */
export interface WebhookRejectionsTable {
  id: Generated<number>;
  portal_id: number | null;
  event_id: string | null;
  reason: string;
  payload: string;
  received_at: Timestamp;
}

export interface SettingsVersionsTable {
  portal_id: number;
  version: number;
  settings: Json<Record<string, unknown>>;
  created_by: string;
  created_at: CreatedAt;
}

export interface AuditLogTable {
  id: Generated<number>;
  portal_id: number;
  actor: string;
  action: string;
  entity: string;
  before: Json<object> | null;
  after: Json<object> | null;
  at: CreatedAt;
}

export interface PipelineStagesTable {
  portal_id: number;
  object_type: 'deals' | 'tickets';
  pipeline_id: string;
  stage_id: string;
  pipeline_label: string;
  stage_label: string;
  display_order: number;
  is_closed: boolean;
  is_won: boolean;
  synced_at: Timestamp;
}

export type SyncMode = 'full' | 'incremental' | 'reconcile';
export type SyncRunStatus = 'running' | 'succeeded' | 'failed';

export interface SyncRunsTable {
  id: Generated<number>;
  portal_id: number;
  mode: SyncMode;
  status: SyncRunStatus;
  started_at: Timestamp;
  finished_at: Timestamp | null;
  api_calls: ColumnType<number, number | undefined, number>;
  progress: Json<Record<string, unknown>>;
  error: string | null;
}

export interface JobLeasesTable {
  portal_id: number;
  job: string;
  owner: string;
  acquired_at: Timestamp;
  expires_at: Timestamp;
}

export type HealthModelSource = 'default' | 'admin' | 'calibration';

/** One version per change of a portal's health model; never overwritten. */
export interface HealthModelsTable {
  portal_id: number;
  version: number;
  /** The model as saved; readers parse it with healthModelSchema (an old version may not fit today's schema). */
  model: Json<Record<string, unknown>>;
  source: HealthModelSource;
  created_by: string;
  created_at: CreatedAt;
}

/** The current score of each company (one row per company, replaced at every scoring). */
export interface HealthScoresTable {
  portal_id: number;
  company_id: string;
  model_version: number;
  segment: string;
  score: number | null;
  tier: Tier | null;
  tier_since: Timestamp | null;
  pending_tier: Tier | null;
  confidence: number;
  churn_probability: number | null;
  components: Json<ComponentResult[]>;
  top_driver: Json<HealthDriver> | null;
  changes: Json<HealthChange[]>;
  trend: Json<HealthResult['trend']>;
  computed_at: Timestamp;
}

/**
 * `date` columns are read as text (`to_char(day, 'YYYY-MM-DD')`): node-postgres would turn them into a Date at
 * local midnight, which is another day east or west of UTC.
 */
type DayColumn = ColumnType<string, string, string>;

/** One row per company per UTC day: the last scoring of that day. */
export interface HealthSnapshotsTable {
  portal_id: number;
  company_id: string;
  day: DayColumn;
  score: number | null;
  tier: Tier | null;
  confidence: number;
  /** Component id → its score (null when it had no data). */
  components: Json<Partial<Record<ComponentId, number | null>>>;
  model_version: number;
}

/** What Harbor last wrote to each company's harbor_health_* properties in HubSpot. */
export interface HealthWritebackTable {
  portal_id: number;
  company_id: string;
  /** Property name → the value as written (strings, as HubSpot stores them). */
  values: Json<Record<string, string>>;
  written_at: Timestamp;
}

export type CalibrationProposalStatus = 'proposed' | 'applied' | 'dismissed';

export interface CalibrationProposalsTable {
  id: Generated<number>;
  portal_id: number;
  created_at: CreatedAt;
  created_by: string;
  /** The model version the calibration started from. */
  base_model_version: number;
  model: Json<Record<string, unknown>>;
  report: Json<Record<string, unknown>>;
  status: ColumnType<
    CalibrationProposalStatus,
    CalibrationProposalStatus | undefined,
    CalibrationProposalStatus
  >;
  decided_by: string | null;
  decided_at: Timestamp | null;
}

export interface PropertyHistoryEntry {
  value: string;
  /** Epoch ms of the change. */
  timestamp: number;
}

/** Past values of the company properties scoring reads (HubSpot's propertiesWithHistory), newest first. */
export interface CompanyPropertyHistoryTable {
  portal_id: number;
  company_id: string;
  history: Json<Record<string, PropertyHistoryEntry[]>>;
  fetched_at: Timestamp;
}

export const crmObjectTypes = ['companies', 'deals', 'tickets', 'contacts', 'feedback_submissions'] as const;
export type CrmObjectType = (typeof crmObjectTypes)[number];

/** Signatures of accepted signed requests that changed data, for refusing replays inside the window. */
export interface SignedRequestsTable {
  signature: string;
  route: string;
  portal_id: number | null;
  seen_at: Date;
}

/** Risk and opportunity signals (src/signals/): one active per company and type. */
export interface SignalsTable {
  portal_id: number;
  id: Generated<number>;
  company_id: string;
  type: string;
  kind: 'risk' | 'opportunity';
  severity: 'low' | 'medium' | 'high' | 'critical';
  status: 'open' | 'acknowledged' | 'in_progress' | 'recovered' | 'resolved' | 'dismissed';
  evidence: Json<{ key: string; value: number | string | null; at?: string | undefined }[]>;
  owner_id: string | null;
  action: Json<Record<string, unknown>>;
  opened_at: Timestamp;
  due_at: Timestamp;
  last_fired_at: Timestamp;
  action_started_at: Timestamp | null;
  escalated_at: Timestamp | null;
  snoozed_until: Timestamp | null;
  snooze_count: number;
  status_before_recovery: string | null;
  closed_at: Timestamp | null;
  close_reason: string | null;
  updated_at: Timestamp;
}

/** A signal's history, append-only. */
export interface SignalEventsTable {
  portal_id: number;
  signal_id: number;
  seq: Generated<number>;
  kind: string;
  at: Timestamp;
  actor: string;
  from_status: string | null;
  to_status: string;
  note: string | null;
  evidence: Json<object> | null;
}

export interface Database {
  portals: PortalsTable;
  companies: CrmObjectTable;
  deals: CrmObjectTable;
  tickets: CrmObjectTable;
  contacts: CrmObjectTable;
  feedback_submissions: CrmObjectTable;
  owners: OwnersTable;
  company_associations: CompanyAssociationsTable;
  sync_state: SyncStateTable;
  webhook_events: WebhookEventsTable;
  webhook_rejections: WebhookRejectionsTable;
  settings_versions: SettingsVersionsTable;
  audit_log: AuditLogTable;
  pipeline_stages: PipelineStagesTable;
  sync_runs: SyncRunsTable;
  job_leases: JobLeasesTable;
  health_models: HealthModelsTable;
  health_scores: HealthScoresTable;
  health_snapshots: HealthSnapshotsTable;
  health_writeback: HealthWritebackTable;
  calibration_proposals: CalibrationProposalsTable;
  company_property_history: CompanyPropertyHistoryTable;
  signed_requests: SignedRequestsTable;
  signals: SignalsTable;
  signal_events: SignalEventsTable;
  harbor_tasks: HarborTasksTable;
  harbor_task_cursors: HarborTaskCursorsTable;
  playbook_runs: PlaybookRunsTable;
  workflow_action_calls: WorkflowActionCallsTable;
  automation_runs: AutomationRunsTable;
  plan_reviews: PlanReviewsTable;
  weekly_reviews: WeeklyReviewsTable;
  rescore_requests: RescoreRequestsTable;
  usage_daily: UsageDailyTable;
  ingest_keys: IngestKeysTable;
  feedback_digests: FeedbackDigestsTable;
  handoffs: HandoffsTable;
  report_alerts: ReportAlertsTable;
}

/** HubSpot tasks Harbor creates (src/tasks/): one per caller-derived key, recorded before HubSpot is asked. */
export interface HarborTasksTable {
  portal_id: number;
  task_key: string;
  company_id: string;
  owner_id: string | null;
  subject: string;
  due_at: Timestamp;
  /** Null until Harbor knows the task HubSpot made. */
  hubspot_task_id: string | null;
  /** HubSpot's hs_task_status as last read. */
  status: string;
  completed_at: Timestamp | null;
  hubspot_modified_at: Timestamp | null;
  /** Creates sent whose outcome was not (yet) known to be a refusal. */
  create_attempts: ColumnType<number, number | undefined, number>;
  last_attempt_at: Timestamp | null;
  last_error: string | null;
  claim_owner: string | null;
  claim_expires_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** How far the completion read-back has got per portal (HubSpot's hs_lastmodifieddate). */
export interface HarborTaskCursorsTable {
  portal_id: number;
  modified_since: Timestamp;
  updated_at: Timestamp;
}

/** Playbook runs (src/playbooks/): `steps` is the template as it was at the start. */
export interface PlaybookRunsTable {
  portal_id: number;
  id: Generated<number>;
  company_id: string;
  playbook: string;
  segment: string;
  language: string;
  steps: Json<Record<string, unknown>[]>;
  status: 'running' | 'completed' | 'cancelled';
  current_step: Generated<number>;
  signal_id: number | null;
  reason: string;
  started_by: string;
  started_at: Timestamp;
  snoozed_until: Timestamp | null;
  next_attempt_at: Timestamp | null;
  last_error: string | null;
  ended_at: Timestamp | null;
  cancel_reason: string | null;
  updated_at: Timestamp;
}

/** What automations did (src/automations/): one row per trigger occurrence. */
export interface AutomationRunsTable {
  portal_id: number;
  id: Generated<number>;
  trigger: string;
  occurrence: string;
  company_id: string;
  signal_id: number;
  action: Json<Record<string, unknown>>;
  outcome: string;
  detail: string | null;
  attempts: Generated<number>;
  at: Timestamp;
}

/** An owner saying an account's action plan is current. */
export interface PlanReviewsTable {
  portal_id: number;
  id: Generated<number>;
  company_id: string;
  reviewed_by: string;
  note: string | null;
  reviewed_at: Timestamp;
}

/** The weekly review job's record of each week's review tasks. */
export interface WeeklyReviewsTable {
  portal_id: number;
  week: string;
  owners: number;
  tasks_created: number;
  created_at: Timestamp;
}

/** Usage a product pushed (src/ingest/): one value per company, day and metric; features are `feature:<key>`. */
export interface UsageDailyTable {
  portal_id: number;
  company_id: string;
  /** YYYY-MM-DD, the customer's day as the product reported it. */
  date: ColumnType<string, string, string>;
  metric: string;
  value: number;
  updated_at: Timestamp;
}

/** Keys a product pushes usage with: only the sha256 is kept; the prefix tells keys apart in settings. */
export interface IngestKeysTable {
  portal_id: number;
  id: Generated<number>;
  hash: string;
  prefix: string;
  name: string;
  created_by: string;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
}

/** Companies waiting for a rescoring (src/health/rescore-queue/): one row per company, so requests coalesce. */
export interface RescoreRequestsTable {
  portal_id: number;
  company_id: string;
  requested_at: Timestamp;
  /** Bumped by every request; the worker deletes a row only at the generation it scored. */
  generation: Generated<number>;
}

/** Calls of Harbor's custom workflow actions (src/workflow-actions/): the first answer per callbackId. */
export interface WorkflowActionCallsTable {
  portal_id: number;
  callback_id: string;
  action: string;
  company_id: string;
  status: 'claimed' | 'answered' | 'blocked' | 'completed';
  /** The outputFields answered to HubSpot; null while the call is being worked on. */
  answer: Json<Record<string, string | number | boolean>> | null;
  /** The playbook run a "wait" call waits for. */
  run_id: number | null;
  expires_at: Timestamp | null;
  /** The outputFields sent through the callbacks API. */
  completion: Json<Record<string, string>> | null;
  completion_attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  claimed_at: Timestamp;
  completed_at: Timestamp | null;
  updated_at: Timestamp;
}

/** Hand-offs to support, finance, marketing and automation (src/handoffs/): one row per hand-off key. */
export interface HandoffsTable {
  portal_id: number;
  id: Generated<number>;
  handoff_key: string;
  kind: 'support' | 'finance' | 'marketing' | 'automation';
  company_id: string;
  deal_id: string | null;
  ticket_id: string | null;
  reason: string;
  note: string | null;
  requested_by: string;
  destination: Json<Record<string, string>> | null;
  assignee: Json<Record<string, string>> | null;
  outcome: 'pending' | 'created' | 'not_routed' | 'failed';
  detail: string | null;
  hubspot_task_id: string | null;
  attempts: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Portfolio alerts (src/reports/alerts/): one row per breach of a segment's metric, open until it recovers. */
export interface ReportAlertsTable {
  portal_id: number;
  id: Generated<number>;
  segment: string;
  metric: string;
  kind: string;
  period: string;
  /** First day (YYYY-MM-DD) of the period the breach began in. */
  period_start: string;
  /** First day of the latest period still in breach. */
  last_period_start: string;
  value: number;
  reference: number;
  raised_at: Timestamp;
  closed_at: Timestamp | null;
  closed_reason: 'recovered' | 'target_removed' | 'period_changed' | null;
  task_state: ColumnType<string, string | undefined, string>;
  task_key: string | null;
}

/** Monthly product-feedback digests (src/reports/digest/): one row per portal and month (YYYY-MM). */
export interface FeedbackDigestsTable {
  portal_id: number;
  month: string;
  digest: Json<Record<string, unknown>>;
  markdown: string;
  html: string;
  csv: string;
  built_at: Timestamp;
  delivery_status: ColumnType<string, string | undefined, string>;
  delivery_reference: string | null;
  delivery_detail: string | null;
  delivered_at: Timestamp | null;
}
