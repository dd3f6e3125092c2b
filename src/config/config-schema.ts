import { z } from 'zod';

import { isValidCronExpression } from '../jobs/scheduler.ts';

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), 'must be a postgres:// or postgresql:// URL');

/** AES-256 needs exactly 32 bytes: accept 64 hex characters or base64 of 32 bytes. */
const encryptionKey = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const bytes = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
    if (bytes.length !== 32) {
      ctx.addIssue({ code: 'custom', message: 'must be 32 bytes as 64 hex characters or base64' });
      return z.NEVER;
    }
    return bytes;
  });

const cronExpression = z
  .string()
  .trim()
  .refine(isValidCronExpression, 'must be a cron expression (5 fields, or 6 with seconds first)');

/** 'true'/'false' (also 1/0, yes/no, on/off), never JavaScript's truthy strings: "false" must mean false. */
const flag = z.stringbool();

/**
 * Every setting Harbor reads from the environment. `describe` texts feed the README's configuration table,
 * which a test keeps in step with this schema.
 */
export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development').describe('Runtime mode.'),
    PORT: z.coerce
      .number()
      .int()
      .min(0)
      .max(65535)
      .default(3000)
      .describe('HTTP port the service listens on.'),
    HOST: z.string().trim().min(1).default('0.0.0.0').describe('Interface the service binds to.'),
    PUBLIC_BASE_URL: z
      .url()
      .transform((value) => value.replace(/\/+$/, ''))
      .optional()
      .describe(
        'Origin HubSpot calls (signatures are checked against it). Default: `http://localhost:<PORT>`.',
      ),
    DATA_DIR: z
      .string()
      .trim()
      .min(1)
      .default('.data/pglite')
      .describe('Embedded PGlite data folder, created if missing. Ignored when DATABASE_URL is set.'),
    DATABASE_URL: postgresUrl.optional().describe('PostgreSQL connection URL. When set, PGlite is not used.'),
    DATABASE_SCHEMA: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case SQL identifier')
      .default('public')
      .describe('PostgreSQL schema Harbor keeps its tables in.'),
    HUBSPOT_CLIENT_ID: optionalString.describe('App client id (OAuth installs).'),
    HUBSPOT_APP_ID: z
      .string()
      .trim()
      .regex(/^\d{1,20}$/, 'must be the app id HubSpot shows for the app (digits)')
      .optional()
      .describe(
        "Harbor's HubSpot app id: review tasks link to the app's review page with it (else the owner's first account); `harbor workflows install` reads its action ids with it.",
      ),
    HUBSPOT_CLIENT_SECRET: optionalString.describe(
      'App client secret: signs every request HubSpot sends. Secret.',
    ),
    HUBSPOT_ACCESS_TOKEN: optionalString.describe('Static-auth install token for a single portal. Secret.'),
    HUBSPOT_API_BASE_URL: z
      .url()
      .transform((value) => value.replace(/\/+$/, ''))
      .default('https://api.hubapi.com')
      .describe('HubSpot API origin (the sandbox in demos and tests).'),
    HUBSPOT_AUTHORIZE_URL: z
      .url()
      .default('https://app.hubspot.com/oauth/authorize')
      .describe('HubSpot OAuth consent page the install flow redirects to (the sandbox in demos).'),
    ENCRYPTION_KEY: encryptionKey
      .optional()
      .describe(
        'AES-256-GCM key for tokens at rest (64 hex chars or base64 of 32 bytes). Secret. Required in production; elsewhere a key file (harbor-encryption.key) is created beside DATA_DIR.',
      ),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info')
      .describe('pino log level.'),
    LOG_FORMAT: z
      .enum(['auto', 'json', 'pretty'])
      .default('auto')
      .describe(
        'Log lines as `json` (one object per line, for collectors) or `pretty` (readable, coloured on a terminal). `auto`: pretty when stdout is a terminal and NODE_ENV is not production, else json.',
      ),
    BODY_LIMIT: z
      .string()
      .regex(/^\d+(b|kb|mb)$/i, 'must look like 512kb or 1mb')
      .default('1mb')
      .describe('Largest request body accepted (HubSpot caps hubspot.fetch at 1 MB).'),
    SHUTDOWN_TIMEOUT_MS: z.coerce
      .number()
      .int()
      .min(100)
      .max(60_000)
      .default(10_000)
      .describe('Grace period for in-flight requests on SIGTERM/SIGINT.'),
    HUBSPOT_RATE_LIMIT_PER_10S: z.coerce
      .number()
      .int()
      .min(1)
      .max(10_000)
      .default(100)
      .describe(
        "HubSpot's burst limit per portal and rolling 10 s for this app (100, 110, 190 or 250 by plan); Harbor keeps to 95% of it.",
      ),
    JOBS_ENABLED: flag
      .default(true)
      .describe(
        'Run the scheduled jobs (incremental sync, nightly reconciliation, webhook processing) in this process. Default `true`.',
      ),
    SYNC_ON_START: flag
      .default(true)
      .describe(
        'At start, sync every active portal once: full if it never completed a sync, else incremental. Needs JOBS_ENABLED. Default `true`.',
      ),
    SYNC_INCREMENTAL_CRON: cronExpression
      .default('*/5 * * * *')
      .describe('When the incremental sync of every active portal runs (cron, UTC).'),
    SYNC_RECONCILE_CRON: cronExpression
      .default('15 3 * * *')
      .describe(
        'When the nightly reconciliation (deletes, merges, associations, drift) of every active portal runs (cron, UTC).',
      ),
    INSTANCE_ID: z
      .string()
      .trim()
      .regex(/^[\w.:@-]{1,120}$/, 'must be 1-120 letters, digits or . _ : @ -')
      .optional()
      .describe(
        'Names this instance as the holder of job leases in the database (several instances share one PostgreSQL). Default: `<hostname>-<pid>`.',
      ),
  })
  .superRefine((config, ctx) => {
    if (config.NODE_ENV === 'production' && config.ENCRYPTION_KEY === undefined) {
      ctx.addIssue({ code: 'custom', path: ['ENCRYPTION_KEY'], message: 'is required in production' });
    }
    if (config.NODE_ENV === 'production' && config.PUBLIC_BASE_URL === undefined) {
      ctx.addIssue({ code: 'custom', path: ['PUBLIC_BASE_URL'], message: 'is required in production' });
    }
  });

export type ConfigInput = z.input<typeof configSchema>;
export type Config = z.infer<typeof configSchema>;

/** Keys whose values must never reach a log line or an error message. */
export const secretConfigKeys = [
  'HUBSPOT_CLIENT_SECRET',
  'HUBSPOT_ACCESS_TOKEN',
  'ENCRYPTION_KEY',
  'DATABASE_URL',
] as const;
