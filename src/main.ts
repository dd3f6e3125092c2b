import { dirname, join, resolve } from 'node:path';

import { loadConfig } from './config/load-config.ts';
import type { Config } from './config/config-schema.ts';
import { createApp } from './http/create-app.ts';
import { createMetricsRegistry } from './http/http-metrics.ts';
import { fetchAccountDetails } from './hubspot/account.ts';
import { exchangeAuthorizationCode, fetchTokenInfo } from './hubspot/oauth-tokens.ts';
import type { OAuthSettings } from './install/install-routes.ts';
import { createInstaller, type Installer } from './install/installer.ts';
import { closeGracefully, listen } from './http/server-lifecycle.ts';
import { loadOrCreateLocalKey } from './shared/crypto/local-key-file.ts';
import { createTokenCipher, type TokenCipher } from './shared/crypto/token-cipher.ts';
import { deriveKey } from './shared/crypto/derive-key.ts';
import { AppError } from './shared/errors/app-error.ts';
import { createLogger, type Logger } from './shared/logger.ts';
import { migrateToLatest } from './store/migrate.ts';
import { openDatabase, type DatabaseHandle } from './store/open-database.ts';

const usage = `Usage: harbor [command]

Commands:
  serve         start the service (default)
  db:migrate    apply pending database migrations and exit
  help          show this message

Configuration comes from the environment; see README.md.`;

/** The only composition root: reads the environment once, builds every dependency, runs one command. */
async function main(argv: readonly string[]): Promise<number> {
  const command = argv[0] ?? 'serve';
  if (command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if (command !== 'serve' && command !== 'db:migrate') {
    process.stderr.write(`Unknown command "${command}".\n\n${usage}\n`);
    return 2;
  }

  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    process.stderr.write(
      `Harbor cannot start: invalid configuration\n${loaded.problems.map((p) => `  - ${p}`).join('\n')}\n`,
    );
    return 1;
  }
  const config = loaded.config;
  const logger = createLogger({ level: config.LOG_LEVEL });
  installProcessHandlers(logger);

  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    schema: config.DATABASE_SCHEMA,
  });
  logger.info(
    { database: database.kind, location: database.location },
    `data lives in ${database.location} (${database.kind})`,
  );
  try {
    const applied = await migrateToLatest(database.db);
    logger.info(
      { applied },
      applied.length > 0 ? `applied migrations: ${applied.join(', ')}` : 'database schema is up to date',
    );
  } catch (error) {
    logger.fatal({ err: error }, 'database migration failed');
    await database.close();
    return 1;
  }
  if (command === 'db:migrate') {
    await database.close();
    return 0;
  }
  return serve(config, logger, database);
}

async function serve(config: Config, logger: Logger, database: DatabaseHandle): Promise<number> {
  const encryptionKey = config.ENCRYPTION_KEY ?? (await localKey(config, logger));
  const cipher = createTokenCipher(encryptionKey);
  const publicBaseUrl = config.PUBLIC_BASE_URL ?? `http://localhost:${config.PORT}`;
  const oauth = oauthSettings(config, publicBaseUrl, encryptionKey);
  const installer = buildInstaller(config, database, cipher, oauth);

  const app = createApp({
    logger,
    db: database.db,
    metrics: createMetricsRegistry(),
    publicBaseUrl,
    hubspotClientSecret: config.HUBSPOT_CLIENT_SECRET,
    bodyLimit: config.BODY_LIMIT,
    oauth,
    installer,
    now: () => new Date(),
  });
  const { server, port } = await listen(app, config.PORT, config.HOST);
  logger.info(
    { port, publicBaseUrl },
    `Harbor listening on http://localhost:${port} (public URL ${publicBaseUrl})`,
  );
  if (config.HUBSPOT_CLIENT_SECRET === undefined) {
    logger.warn('HUBSPOT_CLIENT_SECRET is not set: every request from HubSpot will be refused with 401');
  }
  if (config.HUBSPOT_ACCESS_TOKEN !== undefined)
    await registerStaticInstall(installer, config.HUBSPOT_ACCESS_TOKEN, logger);

  return new Promise<number>((resolveExit) => {
    let isStopping = false;
    const stop = (signal: NodeJS.Signals): void => {
      if (isStopping) {
        logger.warn({ signal }, 'second signal: exiting now');
        resolveExit(1);
        return;
      }
      isStopping = true;
      logger.info({ signal }, 'shutting down: no new connections, finishing in-flight requests');
      void (async () => {
        const isClean = await closeGracefully(server, config.SHUTDOWN_TIMEOUT_MS);
        if (!isClean)
          logger.warn(
            { timeoutMs: config.SHUTDOWN_TIMEOUT_MS },
            'in-flight requests cut off at the shutdown deadline',
          );
        await database.close();
        logger.info('stopped');
        resolveExit(isClean ? 0 : 1);
      })();
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
}

function oauthSettings(
  config: Config,
  publicBaseUrl: string,
  encryptionKey: Buffer,
): OAuthSettings | undefined {
  if (config.HUBSPOT_CLIENT_ID === undefined || config.HUBSPOT_CLIENT_SECRET === undefined) return undefined;
  return {
    clientId: config.HUBSPOT_CLIENT_ID,
    authorizeUrl: config.HUBSPOT_AUTHORIZE_URL,
    redirectUri: `${publicBaseUrl}/oauth/callback`,
    stateKey: deriveKey(encryptionKey, 'harbor oauth state'),
  };
}

function buildInstaller(
  config: Config,
  database: DatabaseHandle,
  cipher: TokenCipher,
  oauth: OAuthSettings | undefined,
): Installer {
  const basePath = config.HUBSPOT_API_BASE_URL;
  return createInstaller({
    db: database.db,
    cipher,
    now: () => new Date(),
    exchangeCode: async (code) => {
      if (oauth === undefined || config.HUBSPOT_CLIENT_SECRET === undefined) {
        throw new AppError(
          'SERVICE_UNAVAILABLE',
          'OAuth installs need HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET',
        );
      }
      const tokens = await exchangeAuthorizationCode({
        code,
        redirectUri: oauth.redirectUri,
        clientId: oauth.clientId,
        clientSecret: config.HUBSPOT_CLIENT_SECRET,
        basePath,
      });
      // HubSpot's v1 token answer does not always name the portal; token info always does.
      const info = await fetchTokenInfo(tokens.accessToken, { basePath });
      return {
        portalId: info.hubId,
        accessToken: tokens.accessToken,
        refreshToken: tokens.refreshToken,
        expiresAt: tokens.expiresAt,
        scopes: tokens.scopes ?? info.scopes,
        hubDomain: info.hubDomain,
      };
    },
    describeToken: async (accessToken) => {
      const account = await fetchAccountDetails(accessToken, { basePath });
      return { portalId: account.portalId, accessToken, scopes: [] };
    },
  });
}

/** A static-token install records its portal at start; HubSpot being unreachable must not stop the service. */
async function registerStaticInstall(
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

async function localKey(config: Config, logger: Logger): Promise<Buffer> {
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

function installProcessHandlers(logger: Logger): void {
  process.on('unhandledRejection', (reason) => {
    logger.fatal({ err: reason }, 'unhandled promise rejection');
    process.exit(1);
  });
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'uncaught exception');
    process.exit(1);
  });
}

// Open handles (pools, timers) must not keep a finished command alive.
process.exit(await main(process.argv.slice(2)));
