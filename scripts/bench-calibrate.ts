/**
 * Calibration at spreadsheet scale: `npm run bench:calibrate -- [--rows <n>] [--seed <s>] [--json]`.
 *
 * Writes a generated CSV of past accounts to the temp folder (default 100,000 rows: 25 numeric columns with
 * known weights, five of them zero, plus plan and region categories = 30 model features; a segment column;
 * 2% blank and 0.2% malformed cells), then runs what `harbor calibrate --csv … --label churned
 * --segment segment --id account_id` runs: read the file, parse, build the design matrix, split, fit with
 * cross-validated penalties, evaluate on the held-out rows.
 * seconds covers read + parse + fit + evaluate (not the generation); peakRssMb is the process's peak RSS.
 * Target: under 30 s and 1 GB at 100,000 rows.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { z } from 'zod';

import { calibrateCsv } from '../src/calibration/csv/calibrate-csv.pure.ts';
import { generateChurnCsv, type SyntheticNumeric } from '../src/calibration/testing/synthetic-churn-csv.ts';

const parsed = z
  .object({
    rows: z.coerce.number().int().min(100).default(100_000),
    seed: z.coerce.number().int().nonnegative().default(1),
    json: z.boolean().default(false),
  })
  .safeParse(
    parseArgs({ options: { rows: { type: 'string' }, seed: { type: 'string' }, json: { type: 'boolean' } } })
      .values,
  );
if (!parsed.success) {
  process.stderr.write(
    `${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n')}\n` +
      'usage: bench-calibrate [--rows <n>] [--seed <s>] [--json]\n',
  );
  process.exit(2);
}
const options = parsed.data;
const say = (text: string): void => {
  if (!options.json) process.stderr.write(`${text}\n`);
};

// Every fifth column carries no signal; the rest alternate sign with falling strength.
const numeric: SyntheticNumeric[] = Array.from({ length: 25 }, (_, j) => ({
  name: `metric_${String(j + 1).padStart(2, '0')}`,
  weight: j % 5 === 4 ? 0 : (j % 2 === 0 ? 1 : -1) * (0.9 - j * 0.03),
  mean: j % 3 === 0 ? 5000 : 20,
  sd: j % 3 === 0 ? 3000 : 8,
}));

const path = join(tmpdir(), `harbor-bench-calibrate-${process.pid}.csv`);
say(`Generating ${options.rows.toLocaleString('en-US')} accounts into ${path}...`);
await writeFile(
  path,
  generateChurnCsv({
    rows: options.rows,
    seed: options.seed,
    numeric,
    categories: [
      { name: 'plan', levels: { Starter: 0.4, Pro: 0, Enterprise: -0.4 } },
      { name: 'region', levels: { Americas: 0, EMEA: 0.15 } },
    ],
    segments: [
      { name: 'smb', share: 6 },
      { name: 'mid-market', share: 3, extraWeights: { metric_01: 0.4 } },
      { name: 'enterprise', share: 1, shift: -0.6 },
    ],
    blankRate: 0.02,
    malformedRate: 0.002,
  }),
);

try {
  say('Calibrating...');
  const started = performance.now();
  const text = await readFile(path, 'utf8');
  const report = calibrateCsv(text, { label: 'churned', segment: 'segment', id: 'account_id' });
  const seconds = (performance.now() - started) / 1000;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const result = {
    rows: report.rows,
    features: report.features,
    seconds: Number(seconds.toFixed(2)),
    peakRssMb: Math.round(peakRssMb),
    auc: report.auc === null ? null : Number(report.auc.toFixed(4)),
  };
  if (options.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else {
    process.stdout.write(
      `${result.rows.toLocaleString('en-US')} rows × ${result.features} features: ${result.seconds} s ` +
        `(target < 30 s), peak RSS ${result.peakRssMb} MB (target < 1024 MB), held-out AUC ${result.auc}\n`,
    );
  }
} finally {
  await rm(path, { force: true });
}
