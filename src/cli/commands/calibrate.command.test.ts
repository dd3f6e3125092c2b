import { describe, expect, it } from 'vitest';

import type { CalibrationReport } from '../../calibration/calibrate-table.pure.ts';
import { generateChurnCsv } from '../../calibration/testing/synthetic-churn-csv.ts';
import { CliUsageError } from '../cli-command.ts';
import { calibrateCommand, type CalibrateArgs, type CalibrateDeps } from './calibrate.command.ts';

const accounts = generateChurnCsv({
  rows: 600,
  seed: 5,
  numeric: [
    { name: 'open_tickets', weight: 1.1, mean: 4, sd: 2 },
    { name: 'logins', weight: -0.8, mean: 300, sd: 120 },
    { name: 'mrr', weight: 0.1, mean: 4000, sd: 2500 },
  ],
  categories: [{ name: 'plan', levels: { Starter: 0.4, Pro: 0, Enterprise: -0.4 } }],
  segments: [
    { name: 'smb', share: 3 },
    { name: 'ent', share: 1 },
  ],
});

/** Runs `harbor calibrate <argv>` against in-memory files. */
async function run(argv: readonly string[], files: Record<string, string> = { 'accounts.csv': accounts }) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const deps: CalibrateDeps = {
    readFile: (path) => {
      const text = files[path];
      if (text !== undefined) return Promise.resolve(text);
      return Promise.reject(
        Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' }),
      );
    },
    out: { write: (text) => stdout.push(text) },
    err: { write: (text) => stderr.push(text) },
    withPortals: () => Promise.reject(new Error('a CSV calibration must not open the store')),
    defaultActor: 'cli:test',
  };
  const parsed = calibrateCommand.parse(argv);
  if (parsed.kind !== 'run') throw new Error('expected arguments to run with');
  const code = await calibrateCommand.run(parsed.args, deps);
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
}

function parseReport(stdout: string): CalibrationReport {
  return JSON.parse(stdout) as CalibrationReport;
}

/** A small CSV of 40 accounts with two features; `edit` rewrites cells. */
function smallCsv(edit: (row: number, cells: string[]) => string[] = (_, cells) => cells): string {
  const lines = ['account,tickets,plan,churned'];
  for (let r = 0; r < 40; r += 1) {
    lines.push(
      edit(r, [
        `A${r}`,
        String((r * 7) % 11),
        r % 3 === 0 ? 'Pro' : 'Starter',
        r % 4 === 0 ? 'yes' : 'no',
      ]).join(','),
    );
  }
  return lines.join('\n');
}

describe('harbor calibrate', () => {
  it('prints exactly the documented JSON keys, with weights largest first', async () => {
    const result = await run(['--csv', 'accounts.csv', '--label', 'churned', '--id', 'account_id', '--json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const report = parseReport(result.stdout);
    expect(Object.keys(report)).toEqual([
      'rows',
      'skippedRows',
      'features',
      'heldOutRows',
      'auc',
      'topDecileLift',
      'brier',
      'falseGreenRate',
      'l2',
      'weights',
      'cells',
      'warnings',
    ]);
    expect(report.rows).toBe(600);
    expect(report.features).toBe(8);
    expect(report.auc).toBeGreaterThan(0.7);
    expect(report.weights[0]).toEqual({
      feature: 'open_tickets',
      weight: expect.any(Number),
      perUnit: expect.any(Number),
    });
    expect(report.weights[0]!.weight).toBeGreaterThan(0.5);
    // The segment column is just another category without --segment.
    expect(report.weights.map((entry) => entry.feature)).toContain('segment=ent');
  });

  it('adds the per-segment report and the segment penalty with --segment', async () => {
    const result = await run([
      '--csv',
      'accounts.csv',
      '--label',
      'churned',
      '--segment',
      'segment',
      '--json',
    ]);
    const report = parseReport(result.stdout);
    expect(Object.keys(report).slice(-2)).toEqual(['segmentL2', 'segments']);
    expect(report.segments!.map((segment) => segment.segment)).toEqual(['smb', 'ent']);
    expect(Object.keys(report.segments![0]!)).toEqual([
      'segment',
      'trainRows',
      'trainChurned',
      'heldOutRows',
      'heldOutChurned',
      'auc',
      'topDecileLift',
      'brier',
      'falseGreenRate',
      'usesPooled',
      'weights',
    ]);
  });

  it('prints a readable report without --json', async () => {
    const result = await run(['--csv', 'accounts.csv', '--label', 'churned', '--segment', 'segment']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Calibrated from accounts\.csv: 600 accounts, 6 features\./);
    expect(result.stdout).toMatch(/AUC\s+0\.\d{3}/);
    expect(result.stdout).toMatch(/\n {2}feature\s+weight\s+per unit\n {2}open_tickets\s+\+\d\.\d{3}/);
    expect(result.stdout).toMatch(/\n {2}segment\s+train\s+churned\s+held out\s+AUC/);
  });

  it('fills blank cells in, counts them and still calibrates', async () => {
    const csv = smallCsv((r, cells) => (r % 5 === 0 ? [cells[0]!, '', '', cells[3]!] : cells));
    const result = await run(['--csv', 'blank.csv', '--label', 'churned', '--id', 'account', '--json'], {
      'blank.csv': csv,
    });
    expect(result.code).toBe(0);
    expect(parseReport(result.stdout).cells).toEqual({ blank: 16, malformed: 0 });
  });

  it('counts non-numeric values in a numeric column, treats them as blank and says so', async () => {
    const csv = smallCsv((r, cells) => (r === 7 ? [cells[0]!, 'several', cells[2]!, cells[3]!] : cells));
    const result = await run(['--csv', 'text.csv', '--label', 'churned', '--id', 'account', '--json'], {
      'text.csv': csv,
    });
    expect(result.code).toBe(0);
    const report = parseReport(result.stdout);
    expect(report.cells.malformed).toBe(1);
    expect(report.warnings.join('\n')).toContain("'several'");
  });

  it('names the columns it found when a column name is wrong; exit 1', async () => {
    const result = await run(['--csv', 'accounts.csv', '--label', 'churn']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      "Cannot calibrate from accounts.csv: Label column 'churn' not found. Columns in the file: account_id, segment, open_tickets, logins, mrr, plan, churned.\n",
    );
    const segment = await run(['--csv', 'accounts.csv', '--label', 'churned', '--segment', 'tier']);
    expect(segment.stderr).toContain("Segment column 'tier' not found.");
  });

  it('explains an all-one-class label; exit 1', async () => {
    const csv = smallCsv((_, cells) => [...cells.slice(0, 3), 'no']);
    const result = await run(['--csv', 'one.csv', '--label', 'churned'], { 'one.csv': csv });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "Cannot calibrate from one.csv: label column 'churned' has only one class (every usable row is 0); calibration needs churned and retained accounts\n",
    );
  });

  it('explains an empty file, a header-only file and a file that does not exist, without a stack trace', async () => {
    const files = { 'empty.csv': '', 'header.csv': 'account,tickets,churned\n' };
    const empty = await run(['--csv', 'empty.csv', '--label', 'churned'], files);
    const header = await run(['--csv', 'header.csv', '--label', 'churned'], files);
    const missing = await run(['--csv', 'missing.csv', '--label', 'churned'], files);
    expect([empty.code, header.code, missing.code]).toEqual([1, 1, 1]);
    expect(empty.stderr).toMatch(/^Cannot calibrate from empty\.csv: The file is empty/);
    expect(header.stderr).toBe(
      'Cannot calibrate from header.csv: The file has a header row but no data rows.\n',
    );
    expect(missing.stderr).toBe('Cannot read missing.csv: no such file.\n');
    for (const result of [empty, header, missing]) expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('skips rows with an unreadable label or the wrong number of cells and reports them', async () => {
    const csv = `${smallCsv((r, cells) => (r === 2 ? [...cells.slice(0, 3), 'perhaps'] : cells))}\nA99,4\n`;
    const result = await run(['--csv', 'ragged.csv', '--label', 'churned', '--json'], { 'ragged.csv': csv });
    expect(result.code).toBe(0);
    const report = parseReport(result.stdout);
    expect(report.skippedRows).toBe(2);
    expect(report.rows).toBe(39);
  });
});

describe('harbor calibrate arguments', () => {
  const parse = (argv: readonly string[]) => calibrateCommand.parse(argv);

  it('reads the options and applies the defaults', () => {
    const expected: CalibrateArgs = {
      source: { kind: 'csv', path: 'a.csv', label: 'churned' },
      holdout: 0.25,
      seed: 1,
      json: false,
    };
    expect(parse(['--csv', 'a.csv', '--label', 'churned'])).toEqual({ kind: 'run', args: expected });
    expect(
      parse([
        '--csv',
        'a.csv',
        '--label',
        'c',
        '--holdout',
        '0.3',
        '--seed',
        '9',
        '--segment',
        's',
        '--json',
      ]),
    ).toEqual({
      kind: 'run',
      args: {
        source: { kind: 'csv', path: 'a.csv', label: 'c' },
        segment: 's',
        holdout: 0.3,
        seed: 9,
        json: true,
      },
    });
    expect(parse(['--help'])).toEqual({ kind: 'help' });
  });

  it('rejects missing or bad options as usage errors', () => {
    expect(() => parse([])).toThrow(
      new CliUsageError('exactly one data source is needed: --csv <file> or --portal <id>'),
    );
    expect(() => parse(['--csv', 'a.csv'])).toThrow(
      new CliUsageError('--label: required with --csv: the churn column'),
    );
    expect(() => parse(['--csv', 'a.csv', '--label', 'c', '--holdout', '1.5'])).toThrow(CliUsageError);
    expect(() => parse(['--csv', 'a.csv', '--label', 'c', '--seed', 'x'])).toThrow(CliUsageError);
    expect(() => parse(['--csv', 'a.csv', '--label', 'c', '--portal', '1'])).toThrow(CliUsageError);
  });

  it('documents every option and JSON key in its help', () => {
    for (const word of [
      '--csv',
      '--label',
      '--segment',
      '--id',
      '--holdout',
      '--seed',
      '--json',
      'topDecileLift',
      'segmentL2',
    ]) {
      expect(calibrateCommand.help).toContain(word);
    }
  });
});
