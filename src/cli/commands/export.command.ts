import { z } from 'zod';

import type { ExportProgress, ExportSummary } from '../../export/run-export.ts';
import { exportFormats, type ExportFormat } from '../../export/sinks/dataset-sink.ts';
import type { Logger } from '../../shared/logger.ts';
import type { CliCommand } from '../cli-command.ts';
import { parseCommandArgs } from '../parse-command-args.ts';
import { formatCount } from '../sync/progress-format.ts';
import type { StatusArea } from '../terminal/status-area.ts';
import { describeFailure } from './describe-failure.ts';
import { selectPortals } from './portal-selection.ts';

export interface ExportCommandDeps {
  logger: Logger;
  listActivePortals(): Promise<number[]>;
  runExport(request: {
    portalIds: number[];
    dir: string;
    format: ExportFormat;
    onProgress: (progress: ExportProgress) => void;
  }): Promise<ExportSummary>;
  /** stderr: a progress line per dataset, and errors. */
  status: StatusArea;
  /** stdout: the summary. */
  out: { write(text: string): unknown };
}

const argsSchema = z.object({
  to: z.string({ error: 'is required: the folder to write the files into' }).min(1, 'must name a folder'),
  portal: z.coerce.number().int().positive().optional(),
  format: z.enum(exportFormats, { error: 'must be csv or parquet' }).default('csv'),
});
export type ExportArgs = z.output<typeof argsSchema>;

const help = `Usage: npm run harbor -- export --to <dir> [--portal <id>] [--format csv|parquet]

Writes Harbor's data for a BI tool into <dir> (created when missing): one file per dataset plus schema.json,
which lists every dataset's columns with their type and meaning (the same as docs/bi-export.md).

  scores.<f>             current health score per company, components flattened
  snapshots.<f>          daily health snapshots per company
  signals.<f>            risk and opportunity signals
  signal_events.<f>      every signal's history
  playbook_runs.<f>      playbook runs
  tasks.<f>              HubSpot tasks Harbor created
  retention_metrics.<f>  retention per segment, quarterly and monthly rows (harbor report retention)
  survey_answers.<f>     NPS, CSAT and CES answers

Rows are read in batches, so memory stays flat on a large portal. Files are written under a temporary name
and moved into place only when every dataset is complete: a failed export leaves no half-written file.
CSV: RFC 4180 (header row, CRLF, quotes when needed), UTF-8, ISO 8601 UTC timestamps, empty = null.
Parquet: typed columns (INT32/INT64, DOUBLE, BOOLEAN, UTF8, TIMESTAMP_MILLIS UTC, DATE, JSON).

For live dashboards, point the BI tool at the read-only bi_* views instead (docs/bi-export.md).

Options:
  --to <dir>           the folder to write into
  --portal <id>        one portal (default: every installed portal, rows told apart by portal_id)
  --format <f>         csv (default) or parquet
  -h, --help           this message`;

/** `harbor export`: every dataset of the BI hand-off as files, with a progress line per dataset. */
export const exportCommand: CliCommand<ExportArgs, ExportCommandDeps> = {
  name: 'export',
  summary:
    'write scores, snapshots, signals, playbooks, tasks, retention and surveys as CSV or Parquet for BI',
  help,
  parse(argv) {
    return parseCommandArgs(
      argv,
      { to: { type: 'string' }, portal: { type: 'string' }, format: { type: 'string' } },
      argsSchema,
    );
  },
  async run(args, deps) {
    const portals = selectPortals(args.portal, await deps.listActivePortals());
    if (typeof portals === 'string') {
      deps.status.print(portals);
      return 1;
    }
    const onProgress = (progress: ExportProgress) => {
      const unit = progress.rows === 1 ? 'row' : 'rows';
      const line = `${progress.dataset}: ${formatCount(progress.rows)} ${unit}${progress.done ? '' : '…'}`;
      if (progress.done) {
        deps.status.draw([]);
        deps.status.print(line);
      } else {
        deps.status.draw([line]);
      }
    };
    let summary: ExportSummary;
    try {
      summary = await deps.runExport({ portalIds: portals, dir: args.to, format: args.format, onProgress });
    } catch (error) {
      deps.status.draw([]);
      deps.status.print(
        `Export failed, nothing was written: ${describeFailure(error, deps.logger, { dir: args.to })}`,
      );
      return 1;
    }
    const rows = summary.files.reduce((total, file) => total + file.rows, 0);
    deps.out.write(
      `exported ${formatCount(rows)} rows of portal${portals.length > 1 ? 's' : ''} ${portals.join(', ')} ` +
        `into ${summary.dir}: ${summary.files.map((file) => file.file).join(', ')}, schema.json\n`,
    );
    return 0;
  },
};
