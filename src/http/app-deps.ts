import type { Kysely } from 'kysely';
import type { Registry } from 'prom-client';

import type { HealthServices } from '../health/health-services.ts';
import type { OAuthSettings } from '../install/install-routes.ts';
import type { Installer } from '../install/installer.ts';
import type { Logger } from '../shared/logger.ts';
import type { Database } from '../store/database-schema.ts';

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
  /** Scoring, backtest and calibration; absent where they do not run (those routes then answer 503). */
  health?: HealthServices | undefined;
}
