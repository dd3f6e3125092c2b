import { z } from 'zod';

import type { RescoreSummary } from '../../health/scoring/rescore-portal.ts';
import type { Logger } from '../../shared/logger.ts';
import type { CliCommand } from '../cli-command.ts';
import { parseCommandArgs } from '../parse-command-args.ts';
import { cell, renderTable } from '../terminal/text-table.ts';
import { selectPortals } from './portal-selection.ts';
import { describeFailure } from './describe-failure.ts';

export interface WriteBackCounts {
  changed: number;
  written: number;
  failed: number;
  calls: number;
}

export interface ScoreCommandDeps {
  logger: Logger;
  listActivePortals(): Promise<number[]>;
  rescore(
    portalId: number,
    options: { writeBack: boolean; onProgress: (scored: number) => void },
  ): Promise<RescoreSummary<WriteBackCounts>>;
  out: { write(text: string): unknown };
  err: { write(text: string): unknown };
}

const argsSchema = z.object({
  portal: z.coerce.number().int().positive().optional(),
  'no-write-back': z.boolean().default(false),
  json: z.boolean().default(false),
});
export type ScoreArgs = z.output<typeof argsSchema>;

const help = `Usage: npm run harbor -- score [--portal <id>] [--no-write-back] [--json]

Rescores every live company now with the portal's current health model (the service also rescores after
every sync): saves each company's score, tier, drivers and today's snapshot, then writes the values that
changed to HubSpot (the "Harbor health" property group on companies, created when missing; companies whose
written values did not change are not touched). It takes the portal's sync lease, so a portal being synced
or scored elsewhere is reported busy (CONFLICT) rather than scored twice. Exit code 1 if any portal failed.

Options:
  --portal <id>     only this portal (default: every active portal)
  --no-write-back   score and save, but do not write to HubSpot
  --json            one JSON line per portal instead of the table
  -h, --help        this message`;

/** `harbor score`: rescoring on demand. */
export const scoreCommand: CliCommand<ScoreArgs, ScoreCommandDeps> = {
  name: 'score',
  summary: 'rescore every company now and write changed scores to HubSpot',
  help,
  parse: (argv) =>
    parseCommandArgs(
      argv,
      { portal: { type: 'string' }, 'no-write-back': { type: 'boolean' }, json: { type: 'boolean' } },
      argsSchema,
    ),
  async run(args, deps) {
    const portals = selectPortals(args.portal, await deps.listActivePortals());
    if (typeof portals === 'string') {
      deps.err.write(`${portals}\n`);
      return 1;
    }
    const rows: string[][] = [];
    let failed = false;
    for (const portalId of portals) {
      try {
        const summary = await deps.rescore(portalId, {
          writeBack: !args['no-write-back'],
          onProgress: (scored) => deps.err.write(`portal ${portalId}: ${scored} companies scored\n`),
        });
        if (args.json) deps.out.write(`${JSON.stringify(summary)}\n`);
        rows.push([
          String(portalId),
          `v${summary.modelVersion}`,
          String(summary.companies),
          String(summary.tiers.healthy),
          String(summary.tiers.watch),
          String(summary.tiers.at_risk),
          String(summary.unscored),
          String(summary.tierChanges),
          summary.writeBack === undefined
            ? 'off'
            : `${summary.writeBack.written}/${summary.writeBack.changed}`,
          `${cell(summary.seconds, 1)} s`,
        ]);
      } catch (error) {
        failed = true;
        deps.err.write(`portal ${portalId}: ${describeFailure(error, deps.logger, { portalId })}\n`);
      }
    }
    if (!args.json && rows.length > 0) {
      const head = [
        'portal',
        'model',
        'companies',
        'healthy',
        'watch',
        'at risk',
        'no data',
        'tier changes',
        'written',
        'time',
      ];
      deps.out.write(`${renderTable(head, rows)}\n`);
    }
    return failed ? 1 : 0;
  },
};
