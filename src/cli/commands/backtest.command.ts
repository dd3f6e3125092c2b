import { z } from 'zod';

import type { BacktestReport } from '../../health/backtest/run-backtest.ts';
import type { Logger } from '../../shared/logger.ts';
import type { CliCommand } from '../cli-command.ts';
import { parseCommandArgs } from '../parse-command-args.ts';
import { describeFailure } from './describe-failure.ts';
import { selectPortals } from './portal-selection.ts';
import { renderReportCard } from './report-card-table.ts';

export interface BacktestCommandDeps {
  logger: Logger;
  listActivePortals(): Promise<number[]>;
  backtest(portalId: number): Promise<BacktestReport>;
  out: { write(text: string): unknown };
  err: { write(text: string): unknown };
}

const argsSchema = z.object({
  portal: z.coerce.number().int().positive().optional(),
  json: z.boolean().default(false),
});
export type BacktestArgs = z.output<typeof argsSchema>;

const help = `Usage: npm run harbor -- backtest [--portal <id>] [--json]

The score's report card on a synced portal: every company with a known outcome (its latest renewal won or
lost, or the churn flag/date the model maps) is scored with the current model as it stood the model's lead
days (default 75) before that outcome, from HubSpot's property history (read once and kept) and the
tickets and survey answers dated before then. Per segment and overall:

  AUC              how well a low score ranks churners first (0.5 = chance, 1 = perfect)
  top-decile lift  churn rate among the 10% lowest scores over the overall churn rate
  Brier            mean squared error of the model's churn probability (lower is better)
  false green      share of churned accounts that were in the healthy tier at the time

Options:
  --portal <id>   only this portal (default: every active portal)
  --json          the whole report as one JSON line per portal
  -h, --help      this message`;

/** `harbor backtest`: how well the current model would have predicted past outcomes. */
export const backtestCommand: CliCommand<BacktestArgs, BacktestCommandDeps> = {
  name: 'backtest',
  summary: "the score's report card on past renewals and churn (AUC, lift, Brier, false green)",
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
        const report = await deps.backtest(portalId);
        if (args.json) {
          deps.out.write(`${JSON.stringify(report)}\n`);
          continue;
        }
        deps.out.write(
          `Portal ${portalId}, model v${report.modelVersion}: ${report.cases} past outcomes scored ` +
            `${report.leadDays} days before they happened` +
            (report.withoutHistory > 0 ? ` (${report.withoutHistory} without property history)` : '') +
            `\n${renderReportCard(report.card)}\n\n`,
        );
        if (report.cases === 0) {
          deps.out.write(
            'No past outcomes found: map a churn flag or date property, or use a renewal pipeline (see docs/health-score.md).\n',
          );
        }
      } catch (error) {
        failed = true;
        deps.err.write(`portal ${portalId}: ${describeFailure(error, deps.logger, { portalId })}\n`);
      }
    }
    return failed ? 1 : 0;
  },
};
