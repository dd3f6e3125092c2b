/**
 * Times the sandbox portal generator: `npm run bench:sandbox -- --companies 100000 --json`.
 * Prints {companies, records, seconds, peakRssMb} as one JSON line with --json, a sentence otherwise.
 */
import { generatePortal } from '../src/sandbox/generator/generate-portal.ts';
import { parseSizeArgs } from './bench-size-args.ts';

const { companies, seed, json } = parseSizeArgs('bench-sandbox');

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
  json
    ? `${JSON.stringify(result)}\n`
    : `Generated ${result.companies} companies (${result.records} CRM records) in ${result.seconds} s; peak RSS ${result.peakRssMb} MB.\n`,
);
