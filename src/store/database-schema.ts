import type { ColumnType, Generated, JSONColumnType } from 'kysely';

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

export const crmObjectTypes = ['companies', 'deals', 'tickets', 'contacts', 'feedback_submissions'] as const;
export type CrmObjectType = (typeof crmObjectTypes)[number];

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
  settings_versions: SettingsVersionsTable;
  audit_log: AuditLogTable;
  pipeline_stages: PipelineStagesTable;
  sync_runs: SyncRunsTable;
  job_leases: JobLeasesTable;
}
