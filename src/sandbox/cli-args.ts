import { parseArgs } from 'node:util';

import { z } from 'zod';

import { FaultSpecError, parseFaultSpec } from './server/platform/fault-plan.pure.ts';
import { CliUsageError } from '../cli/cli-command.ts';

export const CLI_HELP = `Usage: npm run sandbox -- [options]

Starts the HubSpot sandbox with a generated portal and prints one JSON line to stdout when ready:
  {"baseUrl","portalId","accessToken","clientId","clientSecret","appId"}
Progress goes to stderr. Ctrl-C (SIGINT) or SIGTERM stops it.

Options:
  --port <p>              port to listen on; 0 picks a free one (default 4010)
  --host <address>        address to listen on (default 127.0.0.1)
  --companies <n>         companies in the generated portal (default 300)
  --seed <s>              integer seed for the portal, credentials, faults and scripted changes (default 1)
  --now <iso>             the generated portal's "today" (default: start of the current UTC day)
  --rate-limit <n>        calls per rolling 10 s per app and portal (default 100)
  --daily-limit <n>       calls per portal per UTC day (default: none)
  --faults <spec>         e.g. 5xx=0.1,drop=0.02,slow=0.05:2000,429burst=0.01,timeout=0.01
  --webhook-url <url>     POST signed HubSpot webhook batches for every change to this URL
  --harbor-url <url>      Harbor's public URL (its PUBLIC_BASE_URL): the project's workflow actions
                          (app/workflow-actions) are "uploaded" with their actionUrl there, so the portal
                          lists their definitions and POST /_sandbox/workflow-actions/run can call them
  --ground-truth <file>   write the hidden churn ground truth (JSON Lines) to this file
  --token-ttl <seconds>   OAuth access-token lifetime (default 1800)
  -h, --help              show this help
`;

export interface CliOptions {
  port: number;
  host: string;
  companies: number;
  seed: number;
  /** Epoch ms; undefined = start of the current UTC day. */
  generatedAt: number | undefined;
  rateLimit: number;
  dailyLimit: number | undefined;
  faults: string | undefined;
  webhookUrl: string | undefined;
  /** Fills the workflow actions' PUBLIC_BASE_URL profile variable; undefined = no actions uploaded. */
  harborUrl: string | undefined;
  groundTruthPath: string | undefined;
  accessTokenTtlSeconds: number;
}

export type CliCommand = { kind: 'help' } | { kind: 'run'; options: CliOptions };

/** A bad command line; the CLI prints the message and exits with status 2. */
const wholeNumber = (flag: string, min: number, max = Number.MAX_SAFE_INTEGER) =>
  z
    .string()
    .regex(/^-?\d+$/, `${flag} must be a whole number`)
    .transform(Number)
    .pipe(z.number().min(min, `${flag} must be at least ${min}`).max(max, `${flag} must be at most ${max}`));

const optional = <T extends z.ZodType>(schema: T) => schema.optional();

const flagsSchema = z.object({
  port: wholeNumber('--port', 0, 65_535),
  host: z.string().min(1, '--host must not be empty'),
  companies: wholeNumber('--companies', 0, 1_000_000),
  seed: wholeNumber('--seed', -Number.MAX_SAFE_INTEGER),
  now: optional(
    z
      .string()
      .refine((text) => Number.isFinite(Date.parse(text)), '--now must be an ISO date or date-time')
      .transform((text) => Date.parse(text)),
  ),
  'rate-limit': wholeNumber('--rate-limit', 1),
  'daily-limit': optional(wholeNumber('--daily-limit', 1)),
  faults: optional(z.string()),
  'webhook-url': optional(z.url({ protocol: /^https?$/, error: '--webhook-url must be an http(s) URL' })),
  'harbor-url': optional(z.url({ protocol: /^https?$/, error: '--harbor-url must be an http(s) URL' })),
  'ground-truth': optional(z.string().min(1, '--ground-truth needs a file path')),
  'token-ttl': wholeNumber('--token-ttl', 1),
});

/** Parses the CLI's argv (without node and the script); throws CliUsageError on anything it does not accept. */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string', default: '4010' },
        host: { type: 'string', default: '127.0.0.1' },
        companies: { type: 'string', default: '300' },
        seed: { type: 'string', default: '1' },
        now: { type: 'string' },
        'rate-limit': { type: 'string', default: '100' },
        'daily-limit': { type: 'string' },
        faults: { type: 'string' },
        'webhook-url': { type: 'string' },
        'harbor-url': { type: 'string' },
        'ground-truth': { type: 'string' },
        'token-ttl': { type: 'string', default: '1800' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help === true) return { kind: 'help' };
  const parsed = flagsSchema.safeParse(values);
  if (!parsed.success) throw new CliUsageError(parsed.error.issues.map((issue) => issue.message).join('; '));
  const flags = parsed.data;
  if (flags.faults !== undefined) {
    try {
      parseFaultSpec(flags.faults);
    } catch (error) {
      if (error instanceof FaultSpecError) throw new CliUsageError(`--faults: ${error.message}`);
      throw error;
    }
  }
  return {
    kind: 'run',
    options: {
      port: flags.port,
      host: flags.host,
      companies: flags.companies,
      seed: flags.seed,
      generatedAt: flags.now,
      rateLimit: flags['rate-limit'],
      dailyLimit: flags['daily-limit'],
      faults: flags.faults,
      webhookUrl: flags['webhook-url'],
      harborUrl: flags['harbor-url'],
      groundTruthPath: flags['ground-truth'],
      accessTokenTtlSeconds: flags['token-ttl'],
    },
  };
}
