import type { Kysely } from 'kysely';

import type { HubSpotGateway } from '../hubspot/hubspot-gateway.ts';
import { defaultHeartbeatMs, defaultLeaseTtlMs, withPortalLease } from '../jobs/portal-lease.ts';
import { AppError } from '../shared/errors/app-error.ts';
import type { Logger } from '../shared/logger.ts';
import type { Database } from '../store/database-schema.ts';
import { loadWorkflowCatalog, type WorkflowCatalog } from './workflow-catalog.ts';
import { createWorkflowService, type WorkflowService } from './workflow-service.ts';

/** Who holds a portal's install lease: this instance or CLI run, in the database every instance shares. */
export interface InstallLock {
  db: Kysely<Database>;
  owner: string;
  logger: Logger;
}

/**
 * The shipped workflows (read once, at startup: a broken file stops the service) over the process's gateway.
 * `appId` (HUBSPOT_APP_ID) lets install look the app's action definitions up in each portal; `lock` makes
 * installs of one portal wait for none and refuse while another runs (the lease the jobs use).
 */
export function workflowsFrom(
  gateway: HubSpotGateway,
  catalog: WorkflowCatalog = loadWorkflowCatalog(),
  appId?: string,
  lock?: InstallLock,
): { catalog: WorkflowCatalog; service: WorkflowService } {
  return {
    catalog,
    service: createWorkflowService({
      catalog,
      flowsFor: (portalId) => gateway.forPortal(portalId),
      appId: appId === undefined ? undefined : Number(appId),
      exclusive: lock === undefined ? undefined : (portalId, work) => installAlone(lock, portalId, work),
    }),
  };
}

async function installAlone<T>(lock: InstallLock, portalId: number, work: () => Promise<T>): Promise<T> {
  const outcome = await withPortalLease(
    lock.db,
    {
      portalId,
      job: 'workflows-install',
      owner: lock.owner,
      ttlMs: defaultLeaseTtlMs,
      heartbeatMs: defaultHeartbeatMs,
      now: () => new Date(),
      logger: lock.logger,
    },
    () => work(),
  );
  if (!outcome.acquired) {
    throw new AppError(
      'CONFLICT',
      `Another install of Harbor's workflows is running for portal ${portalId}; run it again when that one is done`,
    );
  }
  return outcome.value;
}
