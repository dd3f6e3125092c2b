import { handoffRoutes } from '../handoffs/handoff-routes.ts';
import { healthScoreRoutes } from '../health/health-score-routes.ts';
import { ingestRoutes } from '../ingest/ingest-routes.ts';
import { installRoutes } from '../install/install-routes.ts';
import { playbookRoutes } from '../playbooks/playbook-routes.ts';
import { cohortRoutes } from '../reports/cohorts/cohort-routes.ts';
import { digestRoutes } from '../reports/digest/digest-routes.ts';
import { npsRoutes } from '../reports/nps/nps-routes.ts';
import { retentionRoutes } from '../reports/retention/retention-routes.ts';
import { strategyRoutes } from '../reports/strategy/strategy-routes.ts';
import { reviewRoutes } from '../review/review-routes.ts';
import { signalRoutes } from '../signals/signal-routes.ts';
import { syncStatusRoutes } from '../sync/sync-status-routes.ts';
import { companyViewRoutes } from '../views/company-view/company-view-routes.ts';
import { homeViewRoutes } from '../views/home-view/home-view-routes.ts';
import { actionSettingsRoutes } from '../views/settings-view/action-settings-routes.ts';
import { reportSettingsRoutes } from '../views/settings-view/report-settings-routes.ts';
import { settingsViewRoutes } from '../views/settings-view/settings-view-routes.ts';
import { webhookIntakeRoutes } from '../webhooks/intake/webhook-intake-routes.ts';
import { workflowRoutes } from '../workflows/workflow-routes.ts';
import { workflowActionRoutes } from '../workflow-actions/workflow-action-routes.ts';
import type { AppDeps } from './app-deps.ts';
import { serviceHealthRoutes } from './health-routes.ts';
import type { RouteSpec } from './route-table/route-spec.ts';

/**
 * The route table: every route the service answers, each declaring its auth, identity, schemas and effect.
 * A feature adds its routes here; createApp registers nothing else, and the security walk covers every entry.
 */
export function appRoutes(deps: AppDeps): RouteSpec[] {
  return [
    ...serviceHealthRoutes(deps),
    ...installRoutes(deps),
    ...syncStatusRoutes(deps),
    ...healthScoreRoutes(deps),
    ...signalRoutes(deps),
    ...playbookRoutes(deps),
    ...reviewRoutes(deps),
    ...companyViewRoutes(deps),
    ...homeViewRoutes(deps),
    ...settingsViewRoutes(deps),
    ...actionSettingsRoutes(deps),
    ...reportSettingsRoutes(deps),
    ...webhookIntakeRoutes(deps),
    ...workflowRoutes(deps),
    ...workflowActionRoutes(deps),
    ...ingestRoutes(deps),
    ...handoffRoutes(deps),
    ...cohortRoutes(deps),
    ...npsRoutes(deps),
    ...retentionRoutes(deps),
    ...strategyRoutes(deps),
    ...digestRoutes(deps),
  ];
}
