import { z } from 'zod';

import { createHubSpotGateway } from '../../hubspot/hubspot-gateway.ts';
import { createStaticTokenSource } from '../../hubspot/token-source.ts';
import { createLogger } from '../../shared/logger.ts';
import { openDatabase } from '../../store/open-database.ts';
import { createTaskOnce } from '../create-task-once.ts';
import { taskRequestSchema } from '../task-request.ts';

/**
 * createTaskOnce in a process of its own, for the kill -9 test: `node --import tsx create-task-child.ts
 * '<json>'`. Once HubSpot has answered the create it prints `{"answered":"<task id>"}` and stops there,
 * before Harbor records the answer, so the test can kill it at exactly that point.
 */
const argsSchema = z.object({
  baseUrl: z.url(),
  accessToken: z.string(),
  instanceId: z.string(),
  request: taskRequestSchema.extend({ dueAt: z.coerce.date() }),
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
await createTaskOnce(
  {
    db: handle.db,
    gateway,
    logger,
    instanceId: args.instanceId,
    afterCreateAnswered: async (hubspotTaskId) => {
      process.stdout.write(`${JSON.stringify({ answered: hubspotTaskId })}\n`);
      await new Promise(() => undefined);
    },
  },
  args.request,
);
clearInterval(alive);
process.stdout.write(`${JSON.stringify({ recorded: true })}\n`);
await handle.close();
