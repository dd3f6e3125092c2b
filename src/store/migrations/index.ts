import type { Migration, MigrationProvider } from 'kysely/migration';

import * as initialSchema from './0001-initial-schema.ts';
import * as syncRunsLeasesPipelines from './0002-sync-runs-leases-pipelines.ts';
import * as health from './0003-health.ts';
import * as webhookRejections from './0004-webhook-rejections.ts';
import * as signedRequests from './0005-signed-requests.ts';
import * as portalAccount from './0006-portal-account.ts';
import * as signals from './0007-signals.ts';
import * as harborTasks from './0008-harbor-tasks.ts';
import * as playbooks from './0009-playbooks.ts';
import * as workflowActions from './0010-workflow-actions.ts';
import * as usageIngest from './0011-usage-ingest.ts';
import * as rescoreQueue from './0012-rescore-queue.ts';

/** Migrations live in code, in order; names never change once released. */
export const migrations: Record<string, Migration> = {
  '0001-initial-schema': initialSchema,
  '0002-sync-runs-leases-pipelines': syncRunsLeasesPipelines,
  '0003-health': health,
  '0004-webhook-rejections': webhookRejections,
  '0005-signed-requests': signedRequests,
  '0006-portal-account': portalAccount,
  '0007-signals': signals,
  '0008-harbor-tasks': harborTasks,
  '0009-playbooks': playbooks,
  '0010-workflow-actions': workflowActions,
  '0011-usage-ingest': usageIngest,
  '0012-rescore-queue': rescoreQueue,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
