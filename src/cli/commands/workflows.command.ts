import { z } from 'zod';

import type { Logger } from '../../shared/logger.ts';
import type { InstallOutcome, WorkflowStatus } from '../../workflows/workflow-service.ts';
import { CliUsageError, type CliCommand } from '../cli-command.ts';
import { parseCommandArgs } from '../parse-command-args.ts';
import { renderTable } from '../terminal/text-table.ts';
import { describeFailure } from './describe-failure.ts';
import { selectPortals } from './portal-selection.ts';

export interface WorkflowsCommandDeps {
  logger: Logger;
  listActivePortals(): Promise<number[]>;
  status(portalId: number): Promise<WorkflowStatus[]>;
  install(portalId: number): Promise<InstallOutcome[]>;
  /** What is wrong with the shipped definitions themselves (a `harbor:<uid>` no hsmeta file has). */
  catalogProblems: readonly string[];
  out: { write(text: string): unknown };
  err: { write(text: string): unknown };
}

const actions = ['list', 'install', 'diff'] as const;
const argsSchema = z.object({
  action: z.enum(actions),
  portal: z.coerce.number().int().positive().optional(),
  json: z.boolean().default(false),
});
export type WorkflowsArgs = z.output<typeof argsSchema>;

const help = `Usage: npm run harbor -- workflows list|install|diff [--portal <id>] [--json]

Harbor ships ready-made HubSpot workflows (the workflows/ folder): tier became at risk, renewal in 90 days,
detractor answer, expansion signal, onboarding of a large new customer. See docs/workflows.md.

  list     each shipped workflow and its state in the portal: missing, installed (off), enabled, or drifted
  install  creates, turned off, each shipped workflow the portal has no workflow of that name for; an admin
           reviews it and turns it on in HubSpot. Running it again creates nothing twice and changes nothing.
  diff     where each installed workflow differs from the shipped one (a step or trigger edited in HubSpot)

Options:
  --portal <id>  the portal (every installed portal when omitted)
  --json         one JSON line per workflow instead of the table
  -h, --help     this message`;

function renderStatuses(portalId: number, statuses: readonly WorkflowStatus[]): string {
  const rows = statuses.map((status) => [status.key, status.name, status.state, status.flowId ?? '-']);
  return `portal ${portalId}\n${renderTable(['workflow', 'name', 'state', 'HubSpot id'], rows)}\n`;
}

function renderDrift(portalId: number, statuses: readonly WorkflowStatus[]): string {
  const lines = statuses.map((status) => {
    if (status.state === 'missing') return `  ${status.key}: not installed`;
    if (status.state !== 'drifted') return `  ${status.key}: as shipped`;
    return [`  ${status.key}: changed in HubSpot at`, ...status.drift.map((path) => `    ${path}`)].join(
      '\n',
    );
  });
  return `portal ${portalId}\n${lines.join('\n')}\n`;
}

function installLine(outcome: InstallOutcome): string {
  switch (outcome.outcome) {
    case 'created':
      return `  ${outcome.key}: created, turned off (HubSpot id ${outcome.flowId})`;
    case 'exists':
      return `  ${outcome.key}: already there (HubSpot id ${outcome.flowId}), left as it is`;
    case 'unresolved':
      return `  ${outcome.key}: not created: HubSpot's type of ${outcome.missing.join(', ')} is neither listed by the portal for the app (HUBSPOT_APP_ID) nor in workflows/action-types.json (docs/workflows.md)`;
  }
}

/** `harbor workflows`: lists, installs and compares Harbor's ready-made HubSpot workflows. */
export const workflowsCommand: CliCommand<WorkflowsArgs, WorkflowsCommandDeps> = {
  name: 'workflows',
  summary: "list, install (turned off) and diff Harbor's ready-made HubSpot workflows",
  help,
  parse(argv) {
    const [action, ...rest] = argv;
    if (action === '--help' || action === '-h') return { kind: 'help' };
    if (!(actions as readonly string[]).includes(action ?? ''))
      throw new CliUsageError(
        `say what to do: "workflows ${actions.join('", "workflows ')}" (got ${action ?? 'nothing'})`,
      );
    const parsed = parseCommandArgs(
      rest,
      { portal: { type: 'string' }, json: { type: 'boolean' } },
      z.unknown(),
    );
    if (parsed.kind === 'help') return parsed;
    const result = argsSchema.safeParse({ ...(parsed.args as object), action });
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
    for (const problem of deps.catalogProblems) deps.err.write(`warning: ${problem}\n`);
    const portals = selectPortals(args.portal, await deps.listActivePortals());
    if (typeof portals === 'string') {
      deps.err.write(`${portals}\n`);
      return 1;
    }
    let failed = false;
    for (const portalId of portals) {
      try {
        if (args.action === 'install') {
          const outcomes = await deps.install(portalId);
          if (outcomes.some((outcome) => outcome.outcome === 'unresolved')) failed = true;
          deps.out.write(
            args.json
              ? outcomes.map((outcome) => `${JSON.stringify({ portalId, ...outcome })}\n`).join('')
              : `portal ${portalId}\n${outcomes.map(installLine).join('\n')}\n`,
          );
          continue;
        }
        const statuses = await deps.status(portalId);
        if (args.json) {
          for (const status of statuses) deps.out.write(`${JSON.stringify({ portalId, ...status })}\n`);
          continue;
        }
        deps.out.write(
          args.action === 'list' ? renderStatuses(portalId, statuses) : renderDrift(portalId, statuses),
        );
      } catch (error) {
        failed = true;
        deps.err.write(`portal ${portalId}: ${describeFailure(error, deps.logger, { portalId })}\n`);
      }
    }
    return failed ? 1 : 0;
  },
};
