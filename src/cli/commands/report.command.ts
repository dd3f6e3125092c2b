import { reportPeriods } from '@harbor/wire';
import { z } from 'zod';

import type { RenderedReport, ReportFormat, ReportKind, ReportQuery } from '../../reports/report-kinds.ts';
import { reportFormats, reportKinds } from '../../reports/report-kinds.ts';
import { fromNotAfterTo, isoDaySchema, ownerIdSchema } from '../../reports/report-query-schema.ts';
import type { Logger } from '../../shared/logger.ts';
import { CliUsageError, type CliCommand } from '../cli-command.ts';
import { parseCommandArgs } from '../parse-command-args.ts';
import { describeFailure } from './describe-failure.ts';
import { selectPortals } from './portal-selection.ts';

export interface ReportCommandDeps {
  logger: Logger;
  listActivePortals(): Promise<number[]>;
  build(kind: ReportKind, portalId: number, query: ReportQuery): Promise<RenderedReport>;
  out: { write(text: string): unknown };
  err: { write(text: string): unknown };
}

const argsSchema = z
  .object({
    kind: z.enum(reportKinds),
    portal: z.coerce.number().int().positive().optional(),
    segment: z.string().min(1).max(60).optional(),
    period: z.enum(reportPeriods).default('quarter'),
    from: isoDaySchema.optional(),
    to: isoDaySchema.optional(),
    owner: ownerIdSchema.optional(),
    format: z.enum(reportFormats).default('table'),
  })
  .refine(fromNotAfterTo, {
    message: '--from must not be after --to',
    path: ['from'],
  });
export type ReportArgs = z.output<typeof argsSchema>;

const help = `Usage: npm run harbor -- report retention|nps|cohorts|digest|strategy [--portal <id>]
         [--segment <s>] [--period month|quarter|year] [--from <date>] [--to <date>] [--owner <id>]
         [--format table|json|csv|md]

Prints one of Harbor's CS reports, read from what Harbor has synced (run it after a sync). What each number
means and every choice behind it is in docs/reports.md.

  retention  customers at start and churned, starting, churned, contraction and expansion revenue, GRR,
             NRR, logo churn, gross and net revenue churn, per segment and period, plus the whole book ("all")
  nps        NPS, CSAT and CES per segment and period with n, shares and a 95 % interval; survey due;
             the detractor loop
  cohorts    Kaplan–Meier survival of customers by start quarter (logos and revenue), median lifetime
  digest     the month's product-feedback themes with counts, contract value, trend and quotes
  strategy   per segment: the triggers that are on, the playbooks they start, targets and metrics with trend

Options:
  --portal <id>     the portal (every installed portal when omitted)
  --segment <s>     one segment of the health model (default: every segment and "all")
  --period <p>      month, quarter (default) or year
  --from, --to      the first and last day to report, YYYY-MM-DD (each report's default window: its help
                    line in docs/reports.md)
  --owner <id>      only the companies this HubSpot owner owns
  --format <f>      table (default), json (one line per portal), csv or md
  -h, --help        this message`;

function pick(report: RenderedReport, format: ReportFormat): string {
  if (format === 'json') return JSON.stringify(report.json);
  return report[format].replace(/\n$/, '');
}

/** `harbor report <kind>`: a CS report from the command line, in the format asked for. */
export const reportCommand: CliCommand<ReportArgs, ReportCommandDeps> = {
  name: 'report',
  summary: 'print a CS report: retention, nps, cohorts, digest or strategy',
  help,
  parse(argv) {
    const [kind, ...rest] = argv;
    if (kind === '--help' || kind === '-h') return { kind: 'help' };
    if (!(reportKinds as readonly string[]).includes(kind ?? '')) {
      throw new CliUsageError(`say which report: ${reportKinds.join(', ')} (got ${kind ?? 'nothing'})`);
    }
    const parsed = parseCommandArgs(
      rest,
      {
        portal: { type: 'string' },
        segment: { type: 'string' },
        period: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        owner: { type: 'string' },
        format: { type: 'string' },
      },
      z.unknown(),
    );
    if (parsed.kind === 'help') return parsed;
    const result = argsSchema.safeParse({ ...(parsed.args as object), kind });
    if (!result.success) {
      throw new CliUsageError(
        result.error.issues
          .map((issue) =>
            issue.path.length > 0 ? `--${issue.path.join('.')}: ${issue.message}` : issue.message,
          )
          .join('; '),
      );
    }
    return { kind: 'run', args: result.data };
  },
  async run(args, deps) {
    const portals = selectPortals(args.portal, await deps.listActivePortals());
    if (typeof portals === 'string') {
      deps.err.write(`${portals}\n`);
      return 1;
    }
    const query: ReportQuery = {
      segment: args.segment,
      period: args.period,
      from: args.from,
      to: args.to,
      ownerId: args.owner,
    };
    let failed = false;
    for (const portalId of portals) {
      try {
        const report = await deps.build(args.kind, portalId, query);
        const heading = args.format === 'table' && portals.length > 1 ? `portal ${portalId}\n` : '';
        deps.out.write(`${heading}${pick(report, args.format)}\n`);
      } catch (error) {
        failed = true;
        deps.err.write(`portal ${portalId}: ${describeFailure(error, deps.logger, { portalId })}\n`);
      }
    }
    return failed ? 1 : 0;
  },
};
