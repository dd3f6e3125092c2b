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
import * as feedbackDigests from './0013-feedback-digests.ts';
import * as handoffs from './0014-handoffs.ts';
import * as reportAlerts from './0015-report-alerts.ts';
import * as biViews from './0016-bi-views.ts';

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
  '0013-feedback-digests': feedbackDigests,
  '0014-handoffs': handoffs,
  '0015-report-alerts': reportAlerts,
  '0016-bi-views': biViews,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
