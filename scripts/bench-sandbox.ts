/**
 * Times the sandbox portal generator: `npm run bench:sandbox -- --companies 100000 --json`.
 * Prints {companies, records, seconds, peakRssMb} as one JSON line with --json, a sentence otherwise.
 */
import { parseArgs } from 'node:util';

import { generatePortal } from '../src/sandbox/generator/generate-portal.ts';

const { values } = parseArgs({
  options: {
    companies: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '1' },
    json: { type: 'boolean', default: false },
  },
});

const companies = Number(values.companies);
const seed = Number(values.seed);
if (!Number.isSafeInteger(companies) || companies < 0 || !Number.isSafeInteger(seed)) {
  process.stderr.write('usage: bench-sandbox [--companies N] [--seed N] [--json]\n');
  process.exit(2);
}

// A fixed "today" keeps runs comparable; the generator never reads the clock.
const now = Date.UTC(2026, 10, 20, 12, 0, 0);
const started = performance.now();
const portal = generatePortal({ companies, seed, now });
const seconds = (performance.now() - started) / 1000;
// maxRSS is in KiB.
const peakRssMb = process.resourceUsage().maxRSS / 1024;

const result = {
  companies,
  records: portal.records,
  seconds: Math.round(seconds * 100) / 100,
  peakRssMb: Math.round(peakRssMb),
};
process.stdout.write(
  values.json
    ? `${JSON.stringify(result)}\n`
    : `Generated ${result.companies} companies (${result.records} CRM records) in ${result.seconds} s; peak RSS ${result.peakRssMb} MB.\n`,
);
