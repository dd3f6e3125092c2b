/**
 * `npm run sandbox`: the HubSpot sandbox with a generated portal. Prints exactly one JSON line to stdout when
 * ready (see CLI_HELP); everything else goes to stderr. Exit 2 on a bad command line.
 */
import { writeGroundTruth } from './generator/ground-truth-file.ts';
import { CliUsageError } from '../cli/cli-command.ts';
import { CLI_HELP, parseCliArgs, type CliCommand } from './cli-args.ts';
import { startSandbox } from './start-sandbox.ts';

function info(line: string): void {
  process.stderr.write(`${line}\n`);
}

let command: CliCommand;
try {
  command = parseCliArgs(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof CliUsageError)) throw error;
  info(`sandbox: ${error.message}\nRun with --help for the options.`);
  process.exit(2);
}

if (command.kind === 'help') {
  process.stdout.write(CLI_HELP);
  process.exit(0);
}

const { options } = command;
info(`Generating a portal of ${options.companies} companies (seed ${options.seed})...`);
const started = performance.now();
const running = await startSandbox({
  port: options.port,
  host: options.host,
  companies: options.companies,
  seed: options.seed,
  rateLimit: options.rateLimit,
  accessTokenTtlSeconds: options.accessTokenTtlSeconds,
  ...(options.generatedAt === undefined ? {} : { generatedAt: options.generatedAt }),
  ...(options.dailyLimit === undefined ? {} : { dailyLimit: options.dailyLimit }),
  ...(options.faults === undefined ? {} : { faults: options.faults }),
  ...(options.webhookUrl === undefined ? {} : { webhookUrl: options.webhookUrl }),
  ...(options.harborUrl === undefined
    ? {}
    : { workflowActions: { variables: { PUBLIC_BASE_URL: options.harborUrl } } }),
}).catch((error: unknown) => {
  info(`sandbox: could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

const generated = running.sandbox.generated;
if (options.groundTruthPath !== undefined) {
  await writeGroundTruth(options.groundTruthPath, generated?.truth ?? []);
  info(`Ground truth written to ${options.groundTruthPath}`);
}

const { baseUrl, portalId, accessToken, clientId, clientSecret, appId } = running;
info(
  `HubSpot sandbox on ${baseUrl}: portal ${portalId}, ${generated?.records ?? 0} records, ready in ${Math.round(performance.now() - started)} ms`,
);
info(
  `  rate limit ${options.rateLimit}/10 s${options.dailyLimit === undefined ? '' : `, ${options.dailyLimit}/day`}`,
);
if (options.faults !== undefined) info(`  faults ${options.faults}`);
if (options.webhookUrl !== undefined) info(`  webhooks → ${options.webhookUrl}`);
if (options.harborUrl !== undefined) info(`  workflow actions → ${options.harborUrl}`);
info(`  admin: ${baseUrl}/_sandbox/stats, /_sandbox/requests, POST /_sandbox/mutate`);
process.stdout.write(
  `${JSON.stringify({ baseUrl, portalId, accessToken, clientId, clientSecret, appId })}\n`,
);

let isStopping = false;
async function stop(): Promise<void> {
  if (isStopping) return;
  isStopping = true;
  info('Stopping the HubSpot sandbox...');
  await running.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
