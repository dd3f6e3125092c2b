import type { Kysely } from 'kysely';

import type { PortalGateway } from '../hubspot/portal-gateway.ts';
import type { Logger } from '../shared/logger.ts';
import type { Database } from '../store/database-schema.ts';
import type { ProgressTracker } from './progress-tracker.ts';
import { SyncAbortedError } from './sync-progress.pure.ts';
import type { SyncedObjectType } from './sync-types.ts';

/** Everything one run's passes share. */
export interface SyncContext {
  db: Kysely<Database>;
  portal: PortalGateway;
  portalId: number;
  logger: Logger;
  now: () => Date;
  /** The properties each type's reads ask for, and their fingerprint (see propertiesKey). */
  properties: Record<SyncedObjectType, string[]>;
  propertiesKeys: Record<SyncedObjectType, string>;
  progress: ProgressTracker;
  signal: AbortSignal | undefined;
}

/** Called between pages, after the last page's checkpoint is committed. */
export function throwIfAborted(context: Pick<SyncContext, 'signal'>): void {
  if (context.signal?.aborted === true) throw new SyncAbortedError();
}
