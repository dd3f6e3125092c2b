import type { Kysely } from 'kysely';

import type { HubSpotGateway } from '../hubspot/hubspot-gateway.ts';
import type { Logger } from '../shared/logger.ts';
import type { Database, SyncMode } from '../store/database-schema.ts';

export type { SyncMode } from '../store/database-schema.ts';

/** The CRM object types Harbor keeps a copy of (owners and pipelines are synced beside them). */
export const syncedObjectTypes = [
  'companies',
  'deals',
  'tickets',
  'contacts',
  'feedback_submissions',
] as const;
export type SyncedObjectType = (typeof syncedObjectTypes)[number];

export interface SyncDeps {
  db: Kysely<Database>;
  /** One per process: each portal gets one rate limiter shared by sync, webhooks and everything else. */
  gateway: HubSpotGateway;
  logger: Logger;
  now: () => Date;
}

export interface TypeProgress {
  done: number;
  /** HubSpot's count when known (search `total`), else undefined. */
  estimatedTotal?: number;
}

export interface SyncProgress {
  portalId: number;
  runId: number;
  mode: SyncMode;
  /** e.g. 'owners', 'pipelines', 'companies', 'associations', 'reconcile', 'done'. */
  phase: string;
  types: Partial<Record<SyncedObjectType, TypeProgress>>;
  apiCalls: number;
  startedAt: Date;
  etaSeconds?: number;
}

export interface SyncOptions {
  portalId: number;
  mode: SyncMode;
  /** Called after every page; the CLI draws its bar from it, the log and sync_runs get a copy. */
  onProgress?: (progress: SyncProgress) => void;
  /** Stops between pages; the checkpoint lets the next run resume. */
  signal?: AbortSignal;
}

export interface SyncSummary {
  runId: number;
  portalId: number;
  mode: SyncMode;
  status: 'succeeded' | 'failed';
  /** Records written (inserted or updated) and archived per type. */
  counts: Partial<Record<SyncedObjectType, { written: number; archived: number }>>;
  apiCalls: number;
  seconds: number;
  error?: string;
}

/** Entry points, implemented in run-sync.ts and webhook-processor.ts. */
export type RunSync = (deps: SyncDeps, options: SyncOptions) => Promise<SyncSummary>;
export type ProcessPendingWebhooks = (
  deps: SyncDeps,
  portalId: number,
) => Promise<{ events: number; fetched: number; apiCalls: number }>;
