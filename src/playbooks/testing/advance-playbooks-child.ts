import { z } from 'zod';

import { createHubSpotGateway } from '../../hubspot/hubspot-gateway.ts';
import { createStaticTokenSource } from '../../hubspot/token-source.ts';
import { createLogger } from '../../shared/logger.ts';
import { openDatabase } from '../../store/open-database.ts';
import { createPlaybookService } from '../playbook-service.ts';

/**
 * One playbook pass in a process of its own, for the kill -9 test: `node --import tsx
 * advance-playbooks-child.ts '<json>'`. Once HubSpot has answered a step's create it prints
 * `{"answered":"<task id>"}` and stops there, before Harbor records the answer, so the test can kill it.
 */
const argsSchema = z.object({
  baseUrl: z.url(),
  accessToken: z.string(),
  portalId: z.number().int(),
  database: z.object({ url: z.string().optional(), schema: z.string(), dataDir: z.string() }),
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
});
// Keeps the process alive while it waits to be killed.
const alive = setInterval(() => undefined, 60_000);
await createPlaybookService({
  db: handle.db,
  gateway,
  logger,
  instanceId: 'child',
  afterCreateAnswered: async (hubspotTaskId) => {
    process.stdout.write(`${JSON.stringify({ answered: hubspotTaskId })}\n`);
    await new Promise(() => undefined);
  },
}).advancePortal(args.portalId);
clearInterval(alive);
process.stdout.write(`${JSON.stringify({ finished: true })}\n`);
await handle.close();
