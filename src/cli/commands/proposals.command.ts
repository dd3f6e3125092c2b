import { z } from 'zod';

import type { Logger } from '../../shared/logger.ts';
import type { CalibrationProposal } from '../../store/repositories/health-calibration-repository.ts';
import type { CliCommand } from '../cli-command.ts';
import { parseCommandArgs } from '../parse-command-args.ts';
import { renderTable } from '../terminal/text-table.ts';
import { describeFailure } from './describe-failure.ts';
import { selectPortals } from './portal-selection.ts';

export interface ProposalsCommandDeps {
  logger: Logger;
  listActivePortals(): Promise<number[]>;
  list(portalId: number): Promise<CalibrationProposal[]>;
  apply(portalId: number, proposalId: number, actor: string): Promise<{ version: number }>;
  dismiss(portalId: number, proposalId: number, actor: string): Promise<void>;
  /** Who is acting when --by is not given (the operating-system user). */
  defaultActor: string;
  out: { write(text: string): unknown };
  err: { write(text: string): unknown };
}

const id = z.coerce.number().int().positive();
const argsSchema = z
  .object({
    portal: id.optional(),
    apply: id.optional(),
    dismiss: id.optional(),
    by: z.string().trim().min(1).max(200).optional(),
    json: z.boolean().default(false),
  })
  .refine(
    (args) => args.apply === undefined || args.dismiss === undefined,
    '--apply and --dismiss cannot be combined',
  )
  .refine(
    (args) => (args.apply === undefined && args.dismiss === undefined) || args.portal !== undefined,
    '--apply and --dismiss need --portal',
  );
export type ProposalsArgs = z.output<typeof argsSchema>;

const help = `Usage: npm run harbor -- proposals [--portal <id>] [--json]
       npm run harbor -- proposals --portal <id> --apply <proposal> [--by <who>]
       npm run harbor -- proposals --portal <id> --dismiss <proposal> [--by <who>]

Lists the calibration proposals (made by \`harbor calibrate --portal\`), or decides one. Nothing changes the
score until an admin applies a proposal: applying saves its weights as the portal's next model version and
writes who, when, and the model before and after to the audit log. A proposal fitted on a model that has
changed since cannot be applied (calibrate again).

Options:
  --portal <id>         the portal (default for listing: every active portal)
  --apply <proposal>    make the proposal the portal's model
  --dismiss <proposal>  mark it dismissed
  --by <who>            who decides, for the audit log (default: cli:<your user name>)
  --json                JSON lines instead of the table
  -h, --help            this message`;

/** `harbor proposals`: calibration proposals, listed and decided by an admin. */
export const proposalsCommand: CliCommand<ProposalsArgs, ProposalsCommandDeps> = {
  name: 'proposals',
  summary: 'list calibration proposals, or apply or dismiss one (audited)',
  help,
  parse: (argv) =>
    parseCommandArgs(
      argv,
      {
        portal: { type: 'string' },
        apply: { type: 'string' },
        dismiss: { type: 'string' },
        by: { type: 'string' },
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
    const actor = args.by ?? deps.defaultActor;
    const [portalId] = portals;
    try {
      if (args.apply !== undefined && portalId !== undefined) {
        const { version } = await deps.apply(portalId, args.apply, actor);
        deps.out.write(
          `Proposal ${args.apply} applied by ${actor}: portal ${portalId} now scores with model v${version}.\n` +
            `Scores move to it at the next sync, or now with: npm run harbor -- score --portal ${portalId}\n`,
        );
        return 0;
      }
      if (args.dismiss !== undefined && portalId !== undefined) {
        await deps.dismiss(portalId, args.dismiss, actor);
        deps.out.write(`Proposal ${args.dismiss} dismissed by ${actor}.\n`);
        return 0;
      }
      const rows: string[][] = [];
      for (const portal of portals) {
        for (const proposal of await deps.list(portal)) {
          if (args.json) deps.out.write(`${JSON.stringify(proposal)}\n`);
          rows.push(describe(proposal));
        }
      }
      if (!args.json) {
        deps.out.write(
          rows.length === 0
            ? 'No calibration proposals yet: run `npm run harbor -- calibrate --portal <id>`.\n'
            : `${renderTable(['portal', 'proposal', 'created', 'by', 'base model', 'held-out AUC now → proposed', 'status'], rows)}\n`,
        );
      }
      return 0;
    } catch (error) {
      deps.err.write(`${describeFailure(error, deps.logger, { portalId })}\n`);
      return 1;
    }
  },
};

const reportSchema = z
  .object({
    current: z.object({ overall: z.object({ auc: z.number().nullable() }) }),
    proposed: z.object({ overall: z.object({ auc: z.number().nullable() }) }),
  })
  .partial();

function describe(proposal: CalibrationProposal): string[] {
  const report = reportSchema.safeParse(proposal.report);
  const auc = (value: number | null | undefined): string => (value == null ? '-' : value.toFixed(3));
  const comparison = report.success
    ? `${auc(report.data.current?.overall.auc)} → ${auc(report.data.proposed?.overall.auc)}`
    : '-';
  const decided = proposal.decidedBy === null ? '' : ` by ${proposal.decidedBy}`;
  return [
    String(proposal.portalId),
    String(proposal.id),
    proposal.createdAt.toISOString().slice(0, 16).replace('T', ' '),
    proposal.createdBy,
    `v${proposal.baseModelVersion}`,
    comparison,
    `${proposal.status}${decided}`,
  ];
}
