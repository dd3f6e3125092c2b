import { playbookTypes, type PlaybookRunWire, type PlaybookType } from '@harbor/wire';
import { z } from 'zod';

import type { Logger } from '../../shared/logger.ts';
import { CliUsageError, type CliCommand } from '../cli-command.ts';
import { parseCommandArgs } from '../parse-command-args.ts';
import { renderTable } from '../terminal/text-table.ts';
import { describeFailure } from './describe-failure.ts';
import { selectPortals } from './portal-selection.ts';

export interface PlaybooksCommandDeps {
  logger: Logger;
  listActivePortals(): Promise<number[]>;
  /** A company's runs (running, then ended in the last 30 days), or the portal's running ones. */
  list(portalId: number, companyId: string | undefined): Promise<PlaybookRunWire[]>;
  start(
    portalId: number,
    companyId: string,
    playbook: PlaybookType,
  ): Promise<{ run: PlaybookRunWire; created: boolean }>;
  out: { write(text: string): unknown };
  err: { write(text: string): unknown };
}

const companyId = z.string().regex(/^\d{1,20}$/, 'a HubSpot company id (digits)');
const portal = z.coerce.number().int().positive().optional();
const listSchema = z.object({
  action: z.literal('list'),
  portal,
  company: companyId.optional(),
  json: z.boolean().default(false),
});
const startSchema = z.object({
  action: z.literal('start'),
  portal,
  company: companyId,
  playbook: z.enum(playbookTypes, { error: `one of ${playbookTypes.join(', ')}` }),
  json: z.boolean().default(false),
});
export type PlaybooksArgs = z.output<typeof listSchema> | z.output<typeof startSchema>;

const help = `Usage: npm run harbor -- playbooks list [--portal <id>] [--company <id>] [--json]
       npm run harbor -- playbooks start --company <id> --playbook <type> [--portal <id>] [--json]

Playbooks are sequences of HubSpot tasks for one company, one step at a time: a step's task is created when
the step before it is completed in HubSpot (Harbor reads completions back every five minutes).

  list    the portal's running playbooks, or with --company that company's running playbooks and those
          ended in the last 30 days, with their step progress
  start   starts a playbook for a company and creates its first task; a playbook already running for the
          company is shown instead of starting a second one

Playbook types: ${playbookTypes.join(', ')}

Options:
  --portal <id>      the portal (required when several are installed)
  --company <id>     the HubSpot company id
  --playbook <type>  the playbook to start
  --json             one JSON line per playbook run instead of the table
  -h, --help         this message`;

const stepMarks: Record<PlaybookRunWire['steps'][number]['status'], string> = {
  completed: 'x',
  open: '>',
  waiting: '~',
  pending: '.',
  cancelled: '-',
};

function currentStep(run: PlaybookRunWire): string {
  const step = run.steps.find((candidate) => candidate.status === 'open' || candidate.status === 'waiting');
  if (step === undefined) return '-';
  const due = step.dueAt === null ? 'queued' : `due ${step.dueAt.slice(0, 10)}`;
  return `${step.title} (${due})`;
}

function renderRuns(portalId: number, runs: readonly PlaybookRunWire[]): string {
  const rows = runs.map((run) => [
    String(run.id),
    run.companyId,
    run.playbook,
    run.snoozedUntil === null ? run.status : `${run.status} (snoozed to ${run.snoozedUntil.slice(0, 10)})`,
    `${run.completedSteps}/${run.steps.length} [${run.steps.map((step) => stepMarks[step.status]).join('')}]`,
    currentStep(run),
    run.startedAt.slice(0, 10),
  ]);
  return `portal ${portalId}\n${renderTable(['run', 'company', 'playbook', 'status', 'steps', 'current step', 'started'], rows)}\n`;
}

/** `harbor playbooks`: list and start playbooks from the command line. */
export const playbooksCommand: CliCommand<PlaybooksArgs, PlaybooksCommandDeps> = {
  name: 'playbooks',
  summary: 'list playbook runs with their step progress, or start a playbook for a company',
  help,
  parse(argv) {
    const [action, ...rest] = argv;
    if (action === '--help' || action === '-h') return { kind: 'help' };
    if (action !== 'list' && action !== 'start')
      throw new CliUsageError(
        `say what to do: "playbooks list" or "playbooks start" (got ${action ?? 'nothing'})`,
      );
    const parsed = parseCommandArgs(
      rest,
      {
        portal: { type: 'string' },
        company: { type: 'string' },
        playbook: { type: 'string' },
        json: { type: 'boolean' },
      },
      z.unknown(),
    );
    if (parsed.kind === 'help') return parsed;
    const schema = action === 'list' ? listSchema : startSchema;
    const result = schema.safeParse({ ...(parsed.args as object), action });
    if (!result.success)
      throw new CliUsageError(
        result.error.issues
          .map((issue) =>
            issue.path.length > 0 ? `--${issue.path.join('.')}: ${issue.message}` : issue.message,
          )
          .join('; '),
      );
    return { kind: 'run', args: result.data };
  },
  async run(args, deps) {
    const portals = selectPortals(args.portal, await deps.listActivePortals());
    if (typeof portals === 'string') {
      deps.err.write(`${portals}\n`);
      return 1;
    }
    if (args.action === 'start' && portals.length !== 1) {
      deps.err.write('several portals are installed: say which with --portal <id>\n');
      return 1;
    }
    let failed = false;
    for (const portalId of portals) {
      try {
        if (args.action === 'start') {
          const { run, created } = await deps.start(portalId, args.company, args.playbook);
          deps.err.write(
            created
              ? `portal ${portalId}: started the ${run.playbook} playbook for company ${run.companyId} (run ${run.id})\n`
              : `portal ${portalId}: the ${run.playbook} playbook already runs for company ${run.companyId} (run ${run.id})\n`,
          );
          deps.out.write(
            args.json ? `${JSON.stringify({ portalId, ...run })}\n` : renderRuns(portalId, [run]),
          );
          continue;
        }
        const runs = await deps.list(portalId, args.company);
        if (args.json) {
          for (const run of runs) deps.out.write(`${JSON.stringify({ portalId, ...run })}\n`);
          continue;
        }
        deps.out.write(
          runs.length === 0
            ? `portal ${portalId}: no ${args.company === undefined ? 'running ' : ''}playbooks\n`
            : renderRuns(portalId, runs),
        );
      } catch (error) {
        failed = true;
        deps.err.write(`portal ${portalId}: ${describeFailure(error, deps.logger, { portalId })}\n`);
      }
    }
    return failed ? 1 : 0;
  },
};
