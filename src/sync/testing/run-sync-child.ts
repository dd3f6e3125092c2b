import { z } from 'zod';

import { createHubSpotGateway } from '../../hubspot/hubspot-gateway.ts';
import { createStaticTokenSource } from '../../hubspot/token-source.ts';
import { createLogger } from '../../shared/logger.ts';
import { openDatabase } from '../../store/open-database.ts';
import { runSync } from '../run-sync.ts';

/**
 * A sync in a process of its own, for the kill -9 test: `node --import tsx run-sync-child.ts '<json>'`.
 * Prints one JSON line per progress update on stdout (after each committed page), so the test can kill it
 * mid-sync; logs go to stderr.
 */
const argsSchema = z.object({
  baseUrl: z.url(),
  accessToken: z.string(),
  portalId: z.number().int().positive(),
  mode: z.enum(['full', 'incremental', 'reconcile']),
  database: z.object({
    url: z.string().optional(),
    schema: z.string().default('public'),
    dataDir: z.string(),
  }),
});

const args = argsSchema.parse(JSON.parse(process.argv[2] ?? '{}'));
const handle = await openDatabase({
  databaseUrl: args.database.url,
  dataDir: args.database.dataDir,
  schema: args.database.schema,
});
const logger = createLogger({ level: 'warn', destination: process.stderr });
const gateway = createHubSpotGateway({
  basePath: args.baseUrl,
  logger,
  tokenSourceFor: () => createStaticTokenSource(args.accessToken),
  rateLimits: { callsPer10Seconds: 10_000, searchesPerSecond: 100 },
});
const summary = await runSync(
  { db: handle.db, gateway, logger, now: () => new Date() },
  {
    portalId: args.portalId,
    mode: args.mode,
    onProgress: (progress) => {
      process.stdout.write(`${JSON.stringify({ phase: progress.phase, types: progress.types })}\n`);
    },
  },
);
process.stdout.write(`${JSON.stringify({ summary })}\n`);
await handle.close();
