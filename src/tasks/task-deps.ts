import type { Kysely } from 'kysely';

import type { HubSpotGateway } from '../hubspot/hubspot-gateway.ts';
import type { Logger } from '../shared/logger.ts';
import type { Database } from '../store/database-schema.ts';

export interface CreateOnceTuning {
  /**
   * How long after a create with an unknown outcome Harbor waits before searching for it: HubSpot's search
   * shows new records "after a few moments", so an immediate search could miss the task it just made.
   */
  settleMs: number;
  /** Creates sent per call at most; each after the first is preceded by a search. */
  maxCreates: number;
  /** How long a claim on a key keeps other instances out when its holder stops renewing (it died). */
  claimTtlMs: number;
  heartbeatMs: number;
}

export const defaultCreateOnceTuning: CreateOnceTuning = {
  settleMs: 15_000,
  maxCreates: 3,
  claimTtlMs: 5 * 60_000,
  heartbeatMs: 30_000,
};

export interface TaskDeps {
  db: Kysely<Database>;
  /** The process-wide gateway (one rate limiter per portal). */
  gateway: HubSpotGateway;
  logger: Logger;
  /** This instance (INSTANCE_ID) or CLI process: names the holder of a key's claim (with a per-call suffix). */
  instanceId: string;
  now?: () => Date;
  /** Waits out the settle time; inject a skipping clock's sleep in tests. */
  sleep?: (ms: number) => Promise<void>;
  tuning?: Partial<CreateOnceTuning>;
  /** Test seam: runs after HubSpot answered a create and before Harbor records the answer. */
  afterCreateAnswered?: (hubspotTaskId: string) => Promise<void>;
}

export function realSleep(ms: number): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, ms);
  });
}
