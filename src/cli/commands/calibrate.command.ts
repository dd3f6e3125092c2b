import { z } from 'zod';

import { CalibrationInputError } from '../../calibration/calibration-input-error.ts';
import type { CalibrationReport } from '../../calibration/calibrate-table.pure.ts';
import { calibrateCsv } from '../../calibration/csv/calibrate-csv.pure.ts';
import { renderCalibrationReport } from '../../calibration/render-calibration-report.pure.ts';
import type { CalibrationProposalReport } from '../../health/backtest/run-backtest.ts';
import type { CliCommand } from '../cli-command.ts';
import { parseCommandArgs } from '../parse-command-args.ts';
import { cell, renderTable } from '../terminal/text-table.ts';
import { selectPortals } from './portal-selection.ts';
import { renderReportCard } from './report-card-table.ts';

export interface CalibrateDeps {
  /** Resolves with the file's text (UTF-8); rejects with a Node error (code ENOENT…) when it cannot. */
  readFile(path: string): Promise<string>;
  /** stdout: the report or the JSON. */
  out: { write(text: string): unknown };
  /** stderr: why nothing was calibrated. */
  err: { write(text: string): unknown };
  /**
   * For `--portal`: opens the store and the HubSpot gateway only when asked (a CSV needs neither), runs the
   * work, and closes them. Resolves with the exit code the work returns.
   */
  withPortals(work: (portals: PortalCalibration) => Promise<number>): Promise<number>;
  /** Who proposes when --by is not given (the operating-system user). */
  defaultActor: string;
}

export interface PortalCalibration {
  listActivePortals(): Promise<number[]>;
  propose(portalId: number, actor: string): Promise<CalibrationProposalReport>;
  /** One line for a failure: code and safe message. */
  describeFailure(error: unknown, portalId: number): string;
}

const optionalName = z.string().trim().min(1).optional();

const argsSchema = z
  .object({
    csv: optionalName,
    portal: z.coerce.number().int().positive().optional(),
    by: z.string().trim().min(1).max(200).optional(),
    label: optionalName,
    segment: optionalName,
    id: optionalName,
    holdout: z.coerce.number().gt(0).lt(1).default(0.25),
    seed: z.coerce.number().int().nonnegative().default(1),
    json: z.boolean().default(false),
  })
  .superRefine((args, context) => {
    const sources = [args.csv, args.portal].filter((source) => source !== undefined);
    if (sources.length !== 1) {
      context.addIssue({
        code: 'custom',
        message: 'exactly one data source is needed: --csv <file> or --portal <id>',
      });
    }
    if (args.csv !== undefined && args.label === undefined) {
      context.addIssue({ code: 'custom', path: ['label'], message: 'required with --csv: the churn column' });
    }
  })
  .transform(({ csv, label, portal, by, ...rest }) => ({
    source:
      portal === undefined
        ? { kind: 'csv' as const, path: csv ?? '', label: label ?? '' }
        : { kind: 'portal' as const, portalId: portal, by },
    ...rest,
  }));

export type CalibrateArgs = z.output<typeof argsSchema>;

const help = `Usage: npm run harbor -- calibrate --csv <file> --label <column> [--segment <column>] [--id <column>]
                                 [--holdout <fraction>] [--seed <n>] [--json]
       npm run harbor -- calibrate --portal <id> [--by <who>] [--json]

With --portal: fits a proposal for the portal's health model from its past outcomes (each company scored as
it was 75 days before its latest renewal or churn, see \`harbor backtest\`): per-segment indicator weights
by the same regression, learnt on 75% of the companies, and both the current and the proposed model judged
on the other 25%. The proposal is saved, not applied: an admin applies it with
\`harbor proposals --portal <id> --apply <proposal>\` (or in the settings page), and that is audited.

Learns health-score weights from a CSV of past accounts (one row per account, a header row of column names):
a logistic regression of churn on every other column, one model per segment held toward the pooled weights,
with both penalties chosen by 5-fold cross-validation. It is judged on held-out accounts it never saw.

Columns: numbers (1234, 1,234.5, 45%, $1,200) are numeric; other text is a category, one feature per value
(columns with more than 50 different values, like names, are ignored). Blank cells (also n/a, null, -) and
malformed ones (text in a numeric column, #VALUE! and other spreadsheet errors) are counted; a missing
number gets the training average, a missing category none of its values. Comma, semicolon and tab
separated files all work.
Label: 1/0, true/false, yes/no, y/n, churned/retained or churned/renewed (any case); 1 = churned. Rows with
any other label, or the wrong number of cells, are skipped and counted.

Options:
  --portal <id>         calibrate the portal's health model from its synced history (saves a proposal)
  --by <who>            with --portal: who asks, for the proposal (default: cli:<your user name>)
  --csv <file>          the CSV of past accounts
  --label <column>      the column saying whether the account churned (required with --csv)
  --segment <column>    fit one model per value of this column (tier, region…), shrunk toward the pooled
                        weights so a segment with few churners stays close to them
  --id <column>         account id: not a feature; the train/test split follows the ids, not row order
  --holdout <fraction>  share of churned and of retained accounts kept for testing (default 0.25)
  --seed <n>            seed of the split and the folds (default 1); the same file and seed give the same
                        result
  --json                print JSON instead of the report
  -h, --help            this message

JSON: {rows, skippedRows, features, heldOutRows, auc, topDecileLift, brier, falseGreenRate, l2, weights,
cells, warnings}, then segmentL2 and segments with --segment. Metrics are on the held-out accounts and null
where undefined (e.g. no churner held out).
  rows, skippedRows   accounts used / data rows skipped (blank or unreadable label, wrong cell count)
  features            model features (each category value counts one)
  heldOutRows         accounts kept for testing
  auc                 ROC AUC: 0.5 = chance, 1 = perfect
  topDecileLift       churn rate of the riskiest 10% over the overall churn rate
  brier               mean squared error of the churn probabilities (lower is better)
  falseGreenRate      share of churned accounts the model rated below the average churn risk
  l2                  penalty pulling the weights toward 0, chosen by cross-validation
  weights             [{feature, weight, perUnit}], largest |weight| first: weight = change in churn
                      log-odds per standard deviation (positive = more churn risk), perUnit = per unit as
                      written in the file (per value for a category)
  segmentL2           penalty holding segment weights to the pooled ones, chosen by cross-validation
  segments            [{segment, trainRows, trainChurned, heldOutRows, heldOutChurned, auc, topDecileLift,
                      brier, falseGreenRate, usesPooled, weights}], largest first; usesPooled when the
                      segment had no churned (or no retained) training accounts
  cells               {blank, malformed}: feature cells filled in
  warnings            what was skipped, ignored or filled in, in words

Exit codes: 0 calibrated; 1 the file cannot be read or calibrated from (the reason is printed); 2 bad options.`;

/** `harbor calibrate`: health-score weights learnt from past churn, checked on held-out accounts. */
export const calibrateCommand: CliCommand<CalibrateArgs, CalibrateDeps> = {
  name: 'calibrate',
  summary: 'learn health-score weights from past churn (a portal or a CSV), judged on held-out accounts',
  help,
  parse: (argv) =>
    parseCommandArgs(
      argv,
      {
        csv: { type: 'string' },
        portal: { type: 'string' },
        by: { type: 'string' },
        label: { type: 'string' },
        segment: { type: 'string' },
        id: { type: 'string' },
        holdout: { type: 'string' },
        seed: { type: 'string' },
        json: { type: 'boolean' },
      },
      argsSchema,
    ),
  async run(args, deps) {
    const { source } = args;
    if (source.kind === 'portal') {
      const actor = source.by ?? deps.defaultActor;
      return deps.withPortals((portals) => calibratePortal(portals, source.portalId, actor, args.json, deps));
    }
    const { path, label } = source;
    let text: string;
    try {
      text = await deps.readFile(path);
    } catch (error) {
      deps.err.write(`Cannot read ${path}: ${describeReadError(error)}\n`);
      return 1;
    }
    let report: CalibrationReport;
    try {
      report = calibrateCsv(
        text,
        { label, segment: args.segment, id: args.id },
        { holdout: args.holdout, seed: args.seed },
      );
    } catch (error) {
      if (!(error instanceof CalibrationInputError)) throw error;
      deps.err.write(`Cannot calibrate from ${path}: ${error.message}\n`);
      return 1;
    }
    deps.out.write(
      args.json
        ? `${JSON.stringify(report, roundForJson, 2)}\n`
        : `${renderCalibrationReport(report, path)}\n`,
    );
    return 0;
  },
};

async function calibratePortal(
  portals: PortalCalibration,
  portalId: number,
  actor: string,
  json: boolean,
  deps: CalibrateDeps,
): Promise<number> {
  const selected = selectPortals(portalId, await portals.listActivePortals());
  if (typeof selected === 'string') {
    deps.err.write(`${selected}\n`);
    return 1;
  }
  let report: CalibrationProposalReport;
  try {
    report = await portals.propose(portalId, actor);
  } catch (error) {
    deps.err.write(`Cannot calibrate portal ${portalId}: ${portals.describeFailure(error, portalId)}\n`);
    return 1;
  }
  if (json) {
    deps.out.write(`${JSON.stringify(report, roundForJson)}\n`);
    return 0;
  }
  const segments = renderTable(
    ['segment', 'learnt from', 'churned', 'weights'],
    report.segments.map((segment) => [
      segment.segment,
      String(segment.rows),
      String(segment.churned),
      segment.pooled ? 'pooled (one class only)' : 'own, shrunk toward pooled',
    ]),
  );
  const weights = renderTable(
    ['indicator', ...Object.keys(report.weights)],
    Object.keys(Object.values(report.weights)[0] ?? {}).map((indicator) => [
      indicator,
      ...Object.values(report.weights).map((segmentWeights) => cell(segmentWeights[indicator], 1)),
    ]),
  );
  deps.out.write(
    `Portal ${portalId}: proposal ${String(report.proposalId)} from ${report.cases} past outcomes ` +
      `(${report.trainCases} to learn, ${report.heldOutCases} held out), based on model v${report.baseModelVersion}.\n\n` +
      `Current model on the held-out companies:\n${renderReportCard(report.current)}\n\n` +
      `Proposed model on the same companies:\n${renderReportCard(report.proposed)}\n\n` +
      `${segments}\n\nProposed weights (per segment, summing to 100):\n${weights}\n\n` +
      `${report.recommendation.reason}\n` +
      `Nothing has changed yet. To apply: npm run harbor -- proposals --portal ${portalId} --apply ${String(report.proposalId)}\n`,
  );
  return 0;
}

function describeReadError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file.';
  if (code === 'EISDIR') return 'that is a folder, not a file.';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied.';
  return error instanceof Error ? error.message : String(error);
}

/** Four significant digits: weights and metrics read better, and nothing below that is meaningful. */
function roundForJson(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isInteger(value) ? Number(value.toPrecision(4)) : value;
}
