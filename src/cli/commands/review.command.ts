import type { ActionPlanWire, ReviewOwnerWire, WeeklyReviewWire } from '@harbor/wire';
import { z } from 'zod';

import type { Logger } from '../../shared/logger.ts';
import type { CliCommand } from '../cli-command.ts';
import { parseCommandArgs } from '../parse-command-args.ts';
import { cell, renderTable } from '../terminal/text-table.ts';
import { describeFailure } from './describe-failure.ts';
import { selectPortals } from './portal-selection.ts';

export interface ReviewCommandDeps {
  logger: Logger;
  listActivePortals(): Promise<number[]>;
  review(portalId: number): Promise<WeeklyReviewWire>;
  out: { write(text: string): unknown };
  err: { write(text: string): unknown };
}

const argsSchema = z.object({
  portal: z.coerce.number().int().positive().optional(),
  json: z.boolean().default(false),
});
export type ReviewArgs = z.output<typeof argsSchema>;

const help = `Usage: npm run harbor -- review [--portal <id>] [--json]

Prints the weekly review as of now: the escalated risk signals first (no action by their due date), then,
per owner, their at-risk and expansion accounts with each account's action plan: tier, score, signals,
running playbooks, the first next step, and whether the plan is STALE (not reviewed, no step done and no
signal acted on in 7 days). The service also makes each owner a review task on the day and hour set in
the automation settings; this command only reads.

Options:
  --portal <id>   only this portal (default: every active portal)
  --json          one JSON line per portal: { portalId, review } (review: the GET /api/review answer)
  -h, --help      this message`;

function planRow(plan: ActionPlanWire): string[] {
  const next = plan.nextSteps[0];
  return [
    plan.companyId,
    plan.companyName ?? '-',
    plan.kind,
    plan.tier ?? '-',
    cell(plan.score),
    plan.signals.map((signal) => signal.type).join(',') || '-',
    plan.playbooks.map((run) => `${run.playbook} ${run.completedSteps}/${run.steps.length}`).join(',') || '-',
    next === undefined ? '-' : `${next.title}${next.dueAt === null ? '' : ` (${next.dueAt.slice(0, 10)})`}`,
    plan.lastReviewedAt?.slice(0, 10) ?? '-',
    plan.stale ? 'STALE' : '',
  ];
}

function ownerSection(owner: ReviewOwnerWire): string {
  const name = owner.ownerName ?? (owner.ownerId === null ? 'no owner' : `owner ${owner.ownerId}`);
  const rows = [...owner.atRisk, ...owner.expansion].map(planRow);
  return [
    `${name}${owner.ownerId === null ? '' : ` (${owner.ownerId})`}: ${owner.atRisk.length} at risk, ` +
      `${owner.expansion.length} expansion, ${owner.stalePlans} stale, ${owner.escalatedSignals} escalated`,
    renderTable(
      ['company', 'name', 'plan', 'tier', 'score', 'signals', 'playbooks', 'next step', 'reviewed', ''],
      rows,
    ),
  ].join('\n');
}

function renderReview(portalId: number, review: WeeklyReviewWire): string {
  const lines = [`portal ${portalId}: weekly review as of ${review.generatedAt}`];
  if (review.escalated.length > 0) {
    lines.push(
      'Escalated risks (no action by their due date):',
      renderTable(
        ['signal', 'company', 'type', 'severity', 'owner', 'due', 'escalated'],
        review.escalated.map((signal) => [
          String(signal.id),
          signal.companyId,
          signal.type,
          signal.severity,
          signal.ownerId ?? '-',
          signal.dueAt.slice(0, 10),
          signal.escalatedAt?.slice(0, 10) ?? '-',
        ]),
      ),
    );
  }
  if (review.owners.length === 0) lines.push('No account is at risk or expanding: no plan to review.');
  for (const owner of review.owners) lines.push('', ownerSection(owner));
  return lines.join('\n');
}

/** `harbor review`: the weekly review from the command line. */
export const reviewCommand: CliCommand<ReviewArgs, ReviewCommandDeps> = {
  name: 'review',
  summary: 'print the weekly review: escalated risks, then each owner’s action plans',
  help,
  parse: (argv) =>
    parseCommandArgs(argv, { portal: { type: 'string' }, json: { type: 'boolean' } }, argsSchema),
  async run(args, deps) {
    const portals = selectPortals(args.portal, await deps.listActivePortals());
    if (typeof portals === 'string') {
      deps.err.write(`${portals}\n`);
      return 1;
    }
    let failed = false;
    for (const portalId of portals) {
      try {
        const review = await deps.review(portalId);
        deps.out.write(
          args.json ? `${JSON.stringify({ portalId, review })}\n` : `${renderReview(portalId, review)}\n`,
        );
      } catch (error) {
        failed = true;
        deps.err.write(`portal ${portalId}: ${describeFailure(error, deps.logger, { portalId })}\n`);
      }
    }
    return failed ? 1 : 0;
  },
};
