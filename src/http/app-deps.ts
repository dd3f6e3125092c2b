import type { RequestHandler } from 'express';
import type { Kysely } from 'kysely';
import type { Registry } from 'prom-client';

import type { HealthServices } from '../health/health-services.ts';
import type { OAuthSettings } from '../install/install-routes.ts';
import type { Installer } from '../install/installer.ts';
import type { Logger } from '../shared/logger.ts';
import type { SignalActions } from '../automations/signal-actions.ts';
import type { HandoffRunner } from '../handoffs/handoff-routes.ts';
import type { PlaybookService } from '../playbooks/playbook-service.ts';
import type { NpsRouteDeps } from '../reports/nps/nps-routes.ts';
import type { SignalService } from '../signals/signal-service.ts';
import type { Database } from '../store/database-schema.ts';
import type { ListCompanyProperties } from '../views/settings-view/company-properties-source.ts';
import type { WorkflowRouteDeps } from '../workflows/workflow-routes.ts';

/** Everything routes need, built once in main.ts (or by a test) and passed in. */
export interface AppDeps {
  logger: Logger;
  db: Kysely<Database>;
  metrics: Registry;
  /** Origin HubSpot calls; signed URIs are rebuilt from it, never from the Host header. */
  publicBaseUrl: string;
  /** App client secret; undefined means every signed route answers 401. */
  hubspotClientSecret: string | undefined;
  bodyLimit: string;
  /** Undefined when HUBSPOT_CLIENT_ID/SECRET are not set: /oauth/install then answers 503. */
  oauth: OAuthSettings | undefined;
  installer: Installer;
  now: () => Date;
  /**
   * Told the portals of a webhook batch once its events are stored, so processing can start at once instead
   * of at the next sweep. Absent in tests and when no processor runs; must not throw or block the 200.
   */
  onWebhookEventsStored?: ((portalIds: readonly number[]) => void) | undefined;
  /** Told the companies a usage ingest batch changed once stored (rescoring); must not throw or block. */
  onUsageIngested?: ((portalId: number, companyIds: readonly string[]) => void) | undefined;
  /**
   * The portal's company property definitions, asked of HubSpot (the settings page's segment and mapping
   * choices); absent in tests, where the settings view offers the properties the model already reads.
   */
  companyProperties?: ListCompanyProperties | undefined;
  /** Scoring, backtest and calibration; absent where they do not run (those routes then answer 503). */
  health?: HealthServices | undefined;
  /** Risk and opportunity signals; absent where they do not run (their commands then answer 503). */
  signals?: SignalService | undefined;
  /** Playbooks and what starts them; absent where they do not run (their writes then answer 503). */
  playbooks?: PlaybookService | undefined;
  signalActions?: SignalActions | undefined;
  /** Hand-offs to finance and automation from the card; absent where tasks are not created (requests answer 503). */
  handoffs?: HandoffRunner | undefined;
  /** HubSpot lists for the NPS survey list; absent, that request answers 503. */
  surveyLists?: NpsRouteDeps['surveyLists'];
  /** Harbor's ready-made HubSpot workflows; absent, the settings page lists none and says HubSpot was not asked. */
  workflows?: WorkflowRouteDeps['workflows'];
  /**
   * The browser preview of the HubSpot UI (src/preview), mounted at /preview outside the route table. Only
   * development and the demo pass it; production never does.
   */
  preview?: { handler: RequestHandler } | undefined;
}
