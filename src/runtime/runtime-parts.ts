/**
 * The parts buildRuntime assembles the runtime from, given the parsed config (never the environment:
 * main.ts alone reads that).
 */

import { hostname } from 'node:os';
import { dirname, join, resolve } from 'node:path';

import type { Config } from '../config/config-schema.ts';
import { createHubSpotGateway } from '../hubspot/hubspot-gateway.ts';
import { createHubSpotGrants } from '../install/hubspot-grants.ts';
import type { OAuthSettings } from '../install/install-routes.ts';
import { createInstaller, type Installer } from '../install/installer.ts';
import { portalTokenSources } from '../install/portal-tokens.ts';
import { deriveKey } from '../shared/crypto/derive-key.ts';
import { loadOrCreateLocalKey } from '../shared/crypto/local-key-file.ts';
import type { TokenCipher } from '../shared/crypto/token-cipher.ts';
import type { Logger } from '../shared/logger.ts';
import type { DatabaseHandle } from '../store/open-database.ts';
import type { SyncDeps } from '../sync/sync-types.ts';

/** What every command starts from: config, logger, the open database. */
export interface Boot {
  config: Config;
  logger: Logger;
  database: DatabaseHandle;
  /** Idempotent: the service closes the database itself on shutdown. */
  close: () => Promise<void>;
}

/** One gateway per process, so each portal has exactly one rate limiter whoever calls HubSpot. */
export function buildSyncDeps(boot: Boot, cipher: TokenCipher): SyncDeps {
  const { config, logger, database } = boot;
  const now = (): Date => new Date();
  const basePath = config.HUBSPOT_API_BASE_URL;
  const gateway = createHubSpotGateway({
    basePath,
    logger,
    tokenSourceFor: portalTokenSources({
      db: database.db,
      cipher,
      oauthClient: oauthClient(config),
      basePath,
      now,
    }),
    rateLimits: { callsPer10Seconds: config.HUBSPOT_RATE_LIMIT_PER_10S },
  });
  return { db: database.db, gateway, logger, now };
}

/** Names this instance as a lease holder (several instances share one PostgreSQL). */
export function instanceOwner(config: Config): string {
  return config.INSTANCE_ID ?? `${hostname()}-${process.pid}`;
}

export function oauthClient(config: Config): { clientId: string; clientSecret: string } | undefined {
  if (config.HUBSPOT_CLIENT_ID === undefined || config.HUBSPOT_CLIENT_SECRET === undefined) return undefined;
  return { clientId: config.HUBSPOT_CLIENT_ID, clientSecret: config.HUBSPOT_CLIENT_SECRET };
}

export function oauthSettings(
  config: Config,
  publicBaseUrl: string,
  encryptionKey: Buffer,
): OAuthSettings | undefined {
  const client = oauthClient(config);
  if (client === undefined) return undefined;
  return {
    clientId: client.clientId,
    authorizeUrl: config.HUBSPOT_AUTHORIZE_URL,
    redirectUri: `${publicBaseUrl}/oauth/callback`,
    stateKey: deriveKey(encryptionKey, 'harbor oauth state'),
  };
}

export function buildInstaller(
  config: Config,
  database: DatabaseHandle,
  cipher: TokenCipher,
  oauth: OAuthSettings | undefined,
): Installer {
  const client = oauthClient(config);
  return createInstaller({
    db: database.db,
    cipher,
    now: () => new Date(),
    ...createHubSpotGrants({
      basePath: config.HUBSPOT_API_BASE_URL,
      oauthClient:
        client === undefined || oauth === undefined
          ? undefined
          : { ...client, redirectUri: oauth.redirectUri },
    }),
  });
}

/** A static-token install records its portal at start; HubSpot being unreachable must not stop the service. */
export async function registerStaticInstall(
  installer: Installer,
  accessToken: string,
  logger: Logger,
): Promise<void> {
  try {
    const { portalId } = await installer.registerStaticToken(accessToken);
    logger.info({ portalId }, `static-token install recorded for portal ${portalId}`);
  } catch (error) {
    logger.error(
      { err: error },
      'HUBSPOT_ACCESS_TOKEN could not be registered; check the token and HUBSPOT_API_BASE_URL',
    );
  }
}

export async function localKey(config: Config, logger: Logger): Promise<Buffer> {
  const path = join(dirname(resolve(config.DATA_DIR)), 'harbor-encryption.key');
  const { key, isNew } = await loadOrCreateLocalKey(path);
  logger.warn(
    { path },
    isNew
      ? 'ENCRYPTION_KEY not set: created a local key file'
      : 'ENCRYPTION_KEY not set: using the local key file',
  );
  return key;
}
