import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createCapturingLogger } from '../../../test/support/capturing-logger.ts';
import { testDatabaseTargets } from '../../../test/support/test-databases.ts';
import { retentionDataset } from '../../export/datasets/retention-dataset.ts';
import { exportDatasets } from '../../export/export-datasets.ts';
import { runExport } from '../../export/run-export.ts';
import { portalA, portalB, seedBiStore, seededAt } from '../../export/testing/seed-bi-store.ts';
import type { DatabaseHandle } from '../../store/open-database.ts';
import { listActivePortalIds } from '../../store/repositories/portals-repository.ts';
import { CliUsageError } from '../cli-command.ts';
import { createStatusArea } from '../terminal/status-area.ts';
import { exportCommand, type ExportCommandDeps } from './export.command.ts';

describe('harbor export arguments', () => {
  const parse = (argv: string[]) => exportCommand.parse(argv);

  it('when --to is missing, then the command refuses and says what it needs', () => {
    expect(() => parse([])).toThrow(
      new CliUsageError('--to: is required: the folder to write the files into'),
    );
  });

  it('when the format is neither csv nor parquet, then the command refuses', () => {
    expect(() => parse(['--to', 'out', '--format', 'xlsx'])).toThrow(/--format: must be csv or parquet/);
  });

  it('when the portal is not a positive number, or a flag is unknown, then the command refuses', () => {
    expect(() => parse(['--to', 'out', '--portal', 'abc'])).toThrow(CliUsageError);
    expect(() => parse(['--to', 'out', '--portal', '-3'])).toThrow(CliUsageError);
    expect(() => parse(['--to', 'out', '--rows', '5'])).toThrow(/Unknown option '--rows'/);
  });

  it('when only --to is given, then the format is csv for every installed portal', () => {
    expect(parse(['--to', 'out'])).toEqual({ kind: 'run', args: { to: 'out', format: 'csv' } });
    expect(parse(['--to', 'out', '--portal', '42', '--format', 'parquet'])).toEqual({
      kind: 'run',
      args: { to: 'out', portal: 42, format: 'parquet' },
    });
    expect(parse(['--help'])).toEqual({ kind: 'help' });
  });
});

describe.each(testDatabaseTargets())('harbor export on $name', (target) => {
  let handle: DatabaseHandle;
  let root: string;
  const err: string[] = [];
  const out: string[] = [];

  const deps = (interactive: boolean): ExportCommandDeps => ({
    logger: createCapturingLogger().logger,
    listActivePortals: () => listActivePortalIds(handle.db),
    // The retention report has its own tests (src/export/run-export.test.ts); here the store's datasets.
    runExport: (request) =>
      runExport({
        ...request,
        db: handle.db,
        now: seededAt,
        datasets: exportDatasets.filter((dataset) => dataset !== retentionDataset),
      }),
    status: createStatusArea({ write: (text: string) => err.push(text), isTTY: interactive, columns: 120 }),
    out: { write: (text: string) => out.push(text) },
  });
  const run = async (argv: string[], interactive = false) => {
    err.length = 0;
    out.length = 0;
    const parsed = exportCommand.parse(argv);
    if (parsed.kind !== 'run') throw new Error('expected a run');
    return exportCommand.run(parsed.args, deps(interactive));
  };

  beforeAll(async () => {
    handle = await target.open();
    await seedBiStore(handle.db);
    root = await mkdtemp(join(tmpdir(), 'harbor-export-cli-'));
  });
  afterAll(async () => {
    await handle.close();
    await rm(root, { recursive: true, force: true });
  });

  it('when one portal is exported, then a line per dataset tells its rows and stdout sums it up', async () => {
    const dir = join(root, `${target.name}-one`);
    expect(await run(['--to', dir, '--portal', String(portalB)])).toBe(0);
    expect(err).toEqual([
      'scores: 1 row\n',
      'snapshots: 1 row\n',
      'signals: 1 row\n',
      'signal_events: 1 row\n',
      'playbook_runs: 1 row\n',
      'tasks: 1 row\n',
      'survey_answers: 1 row\n',
    ]);
    expect(out.join('')).toBe(
      `exported 7 rows of portal ${portalB} into ${dir}: scores.csv, snapshots.csv, signals.csv, ` +
        'signal_events.csv, playbook_runs.csv, tasks.csv, survey_answers.csv, schema.json\n',
    );
    expect(await readdir(dir)).toHaveLength(8);
  });

  it('when the terminal is interactive, then a live line counts rows and the final line stays', async () => {
    expect(await run(['--to', join(root, `${target.name}-tty`), '--format', 'parquet'], true)).toBe(0);
    const text = err.join('');
    expect(text).toContain('scores: 3 rows…');
    expect(text).toContain('scores: 3 rows\n');
    expect(out.join('')).toMatch(new RegExp(`^exported 22 rows of portals ${portalA}, ${portalB} into `));
  });

  it('when the portal is not installed, then nothing is written and the installed ones are named', async () => {
    const dir = join(root, `${target.name}-unknown`);
    expect(await run(['--to', dir, '--portal', '999'])).toBe(1);
    expect(err).toEqual([
      `Portal 999 is not installed (or was uninstalled). Active: ${portalA}, ${portalB}.\n`,
    ]);
    await expect(readdir(dir)).rejects.toThrow(/ENOENT/);
  });

  it('when the folder cannot be written, then the command fails with the reason', async () => {
    const file = join(root, `${target.name}-file`);
    await writeFile(file, 'x');
    expect(await run(['--to', join(file, 'out')])).toBe(1);
    expect(err).toEqual([
      `Export failed, nothing was written: VALIDATION_FAILED: cannot write to ${join(file, 'out')}: a part of the path is a file\n`,
    ]);
  });
});
