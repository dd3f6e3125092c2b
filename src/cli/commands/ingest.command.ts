import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';

import { z } from 'zod';

import { checkCsvHeader, csvRow, splitCsvLine } from '../../ingest/usage-csv.pure.ts';
import type { IngestUsage } from '../../ingest/usage-ingest.ts';
import { maxRowsPerBatch, type RowRefusal } from '../../ingest/usage-rows.pure.ts';
import { CliUsageError, type CliCommand } from '../cli-command.ts';
import { parseCommandArgs } from '../parse-command-args.ts';
import { formatCount, formatDuration } from '../sync/progress-format.ts';
import type { Logger } from '../../shared/logger.ts';
import type { StatusArea } from '../terminal/status-area.ts';
import { describeFailure } from './describe-failure.ts';
import { selectPortals } from './portal-selection.ts';

/** A CSV file as lines, with its size for the progress bar. */
export interface CsvSource {
  bytes: number;
  lines: AsyncIterable<string> | Iterable<string>;
}

export interface IngestCommandDeps {
  logger: Logger;
  listActivePortals(): Promise<number[]>;
  ingest: IngestUsage;
  openCsv(path: string): Promise<CsvSource>;
  now: () => Date;
  /** stderr: the progress bar and refused rows. */
  status: StatusArea;
  /** stdout: the summary. */
  out: { write(text: string): unknown };
}

const argsSchema = z.object({
  csv: z.string({ error: 'is required: the CSV file to ingest' }).min(1),
  portal: z.coerce.number().int().positive().optional(),
});
export type IngestArgs = z.output<typeof argsSchema>;

/** Refused rows printed one by one; the rest are counted. */
const maxListedRefusals = 20;
const barWidth = 24;

const help = `Usage: npm run harbor -- ingest usage --csv <file> [--portal <id>]

Pushes daily usage per company from a CSV file, as POST /api/ingest/usage does, in batches of ${maxRowsPerBatch}
rows, with a progress bar on stderr. The header names the columns: company_id (HubSpot id) or domain, date
(YYYY-MM-DD), then one column per metric (activeUsers, seats, logins, minutes, or any other) and one per
feature (feature:<key>, a count). Empty cells are not sent. A row sent again replaces its values.

Each bad row is printed with its line number and reason; the good rows are applied. Exit code 1 when any
row was refused, 2 when the file or the arguments are unusable.

Options:
  --csv <file>    the CSV file
  --portal <id>   the portal (needed when more than one is installed)
  -h, --help      this message`;

function progressLine(
  bytesRead: number,
  total: number,
  rows: number,
  startedMs: number,
  nowMs: number,
): string {
  const share = total > 0 ? Math.min(1, bytesRead / total) : 1;
  const filled = Math.round(share * barWidth);
  const seconds = (nowMs - startedMs) / 1000;
  const rate = seconds > 0 ? rows / seconds : 0;
  return `ingest [${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}] ${Math.round(share * 100)}% ${formatCount(rows)} rows, ${formatCount(rate)} rows/s, ${formatDuration(seconds)}`;
}

/** `harbor ingest usage --csv`: the ingest API's batches from a file, streamed (memory stays flat). */
export const ingestCommand: CliCommand<IngestArgs, IngestCommandDeps> = {
  name: 'ingest',
  summary: 'push daily usage per company from a CSV file, with a progress bar',
  help,
  parse(argv) {
    const [subcommand, ...rest] = argv;
    if (subcommand === '--help' || subcommand === '-h') return { kind: 'help' };
    if (subcommand !== 'usage') throw new CliUsageError('name what to ingest: "ingest usage --csv <file>"');
    return parseCommandArgs(rest, { csv: { type: 'string' }, portal: { type: 'string' } }, argsSchema);
  },
  async run(args, deps) {
    const active = await deps.listActivePortals();
    if (args.portal === undefined && active.length > 1) {
      deps.status.print(`Several portals are installed (${active.join(', ')}): name one with --portal <id>.`);
      return 2;
    }
    const selected = selectPortals(args.portal, active);
    const portalId = typeof selected === 'string' ? undefined : selected[0];
    if (portalId === undefined) {
      deps.status.print(typeof selected === 'string' ? selected : 'No portal to ingest into.');
      return 2;
    }
    let source: CsvSource;
    try {
      source = await deps.openCsv(args.csv);
    } catch (error) {
      deps.status.print(`Cannot read ${args.csv}: ${describeFailure(error, deps.logger, { csv: args.csv })}`);
      return 2;
    }
    return ingestFile(deps, portalId, source);
  },
};

async function ingestFile(deps: IngestCommandDeps, portalId: number, source: CsvSource): Promise<number> {
  const startedMs = deps.now().getTime();
  let columns: string[] | undefined;
  let bytesRead = 0;
  let lineNumber = 0;
  let batch: unknown[] = [];
  let batchLines: number[] = [];
  const totals = { rows: 0, applied: 0, refused: 0 };
  let shownAt = Number.NEGATIVE_INFINITY;
  const report = (refusals: readonly RowRefusal[], lines: readonly number[]) => {
    for (const refusal of refusals) {
      totals.refused += 1;
      if (totals.refused <= maxListedRefusals)
        deps.status.print(`line ${lines[refusal.index] ?? '?'}: ${refusal.reason}`);
    }
  };
  const show = (force: boolean) => {
    const nowMs = deps.now().getTime();
    if (!force && nowMs - shownAt < (deps.status.isInteractive ? 100 : 1_000)) return;
    shownAt = nowMs;
    const line = progressLine(bytesRead, source.bytes, totals.rows, startedMs, nowMs);
    if (deps.status.isInteractive) deps.status.draw([line]);
    else deps.status.print(line);
  };
  const flush = async () => {
    if (batch.length === 0) return;
    const result = await deps.ingest(portalId, batch);
    totals.rows += result.received;
    totals.applied += result.applied;
    report(result.refused, batchLines);
    batch = [];
    batchLines = [];
    show(false);
  };
  try {
    for await (const line of source.lines) {
      lineNumber += 1;
      bytesRead += Buffer.byteLength(line) + 1;
      if (line.trim() === '') continue;
      const fields = splitCsvLine(line);
      if (columns === undefined) {
        const problem = checkCsvHeader(fields);
        if (problem !== undefined) {
          deps.status.print(`line 1: ${problem} (see --help)`);
          return 2;
        }
        columns = fields;
        continue;
      }
      batch.push(csvRow(columns, fields));
      batchLines.push(lineNumber);
      if (batch.length === maxRowsPerBatch) await flush();
    }
    await flush();
  } catch (error) {
    deps.status.commit();
    deps.status.print(
      `Stopped at line ${lineNumber}: ${describeFailure(error, deps.logger, { portalId })}. Rows before it were applied.`,
    );
    return 2;
  }
  show(true);
  deps.status.commit();
  if (totals.refused > maxListedRefusals)
    deps.status.print(`… and ${totals.refused - maxListedRefusals} more refused rows`);
  const seconds = (deps.now().getTime() - startedMs) / 1000;
  deps.out.write(
    `portal ${portalId}: ${formatCount(totals.rows)} rows, ${formatCount(totals.applied)} applied, ` +
      `${formatCount(totals.refused)} refused in ${formatDuration(seconds)}\n`,
  );
  return totals.refused > 0 ? 1 : 0;
}

/** The real file system's CSV source. */
export async function openCsvFile(path: string): Promise<CsvSource> {
  const { size } = await stat(path);
  const lines = createInterface({
    input: createReadStream(path, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  return { bytes: size, lines };
}
