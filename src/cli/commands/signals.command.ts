import type { SignalWire } from '@harbor/wire';
import { z } from 'zod';

import type { Logger } from '../../shared/logger.ts';
import type { EvaluationSummary } from '../../signals/signal-service.ts';
import type { CliCommand } from '../cli-command.ts';
import { parseCommandArgs } from '../parse-command-args.ts';
import { renderTable } from '../terminal/text-table.ts';
import { describeFailure } from './describe-failure.ts';
import { selectPortals } from './portal-selection.ts';

export interface SignalsCommandDeps {
  logger: Logger;
  listActivePortals(): Promise<number[]>;
  evaluate(portalId: number): Promise<EvaluationSummary>;
  /** Newest first; every signal ever opened, or only the active ones. */
  list(portalId: number, activeOnly: boolean): Promise<SignalWire[]>;
  out: { write(text: string): unknown };
  err: { write(text: string): unknown };
}

const argsSchema = z.object({
  portal: z.coerce.number().int().positive().optional(),
  open: z.boolean().default(false),
  evaluate: z.boolean().default(false),
  json: z.boolean().default(false),
});
export type SignalsArgs = z.output<typeof argsSchema>;

const help = `Usage: npm run harbor -- signals [--portal <id>] [--open] [--evaluate] [--json]

Lists the portal's risk and opportunity signals, newest first: company, type, severity, status, owner, due
date and the evidence that fired it. The service evaluates the rules after every rescoring; --evaluate runs
them now for every company first. Risk signals never disappear: a risk whose data recovered waits as
"recovered" for its owner to confirm, and one with no action by its due date escalates (shown as ESCALATED).

Options:
  --portal <id>   only this portal (default: every active portal)
  --open          only active signals (open, acknowledged, in progress, recovered); default: all, with history
  --evaluate      run the signal rules for every company before listing
  --json          one JSON line per signal instead of the table
  -h, --help      this message`;

function evidenceText(signal: SignalWire): string {
  return signal.evidence
    .map((item) => `${item.key}=${typeof item.value === 'number' ? String(item.value) : (item.value ?? '-')}`)
    .join(' ');
}

function statusText(signal: SignalWire): string {
  if (signal.escalatedAt !== null && signal.actionStartedAt === null) return `${signal.status} ESCALATED`;
  return signal.overdue ? `${signal.status} OVERDUE` : signal.status;
}

/** `harbor signals`: what needs a CSM's attention, from the command line. */
export const signalsCommand: CliCommand<SignalsArgs, SignalsCommandDeps> = {
  name: 'signals',
  summary: 'list risk and opportunity signals (and evaluate the rules with --evaluate)',
  help,
  parse: (argv) =>
    parseCommandArgs(
      argv,
      {
        portal: { type: 'string' },
        open: { type: 'boolean' },
        evaluate: { type: 'boolean' },
        json: { type: 'boolean' },
      },
      argsSchema,
    ),
  async run(args, deps) {
    const portals = selectPortals(args.portal, await deps.listActivePortals());
    if (typeof portals === 'string') {
      deps.err.write(`${portals}\n`);
      return 1;
    }
    let failed = false;
    for (const portalId of portals) {
      try {
        if (args.evaluate) {
          deps.err.write(`portal ${portalId}: evaluating the signal rules for every company...\n`);
          const summary = await deps.evaluate(portalId);
          deps.err.write(
            `portal ${portalId}: ${summary.companies} companies, ${summary.opened} signals opened, ` +
              `${summary.changed} changed, ${summary.escalated} escalated\n`,
          );
        }
        const signals = await deps.list(portalId, args.open);
        if (args.json) {
          for (const signal of signals) deps.out.write(`${JSON.stringify({ portalId, ...signal })}\n`);
          continue;
        }
        if (signals.length === 0) {
          deps.out.write(`portal ${portalId}: no ${args.open ? 'active ' : ''}signals\n`);
          continue;
        }
        const rows = signals.map((signal) => [
          String(signal.id),
          signal.companyId,
          `${signal.kind}:${signal.type}`,
          signal.severity,
          statusText(signal),
          signal.ownerId ?? '-',
          signal.dueAt.slice(0, 10),
          evidenceText(signal),
        ]);
        deps.out.write(
          `portal ${portalId}\n${renderTable(['id', 'company', 'signal', 'severity', 'status', 'owner', 'due', 'evidence'], rows)}\n`,
        );
      } catch (error) {
        failed = true;
        deps.err.write(`portal ${portalId}: ${describeFailure(error, deps.logger, { portalId })}\n`);
      }
    }
    return failed ? 1 : 0;
  },
};
