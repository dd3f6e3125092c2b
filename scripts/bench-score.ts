/**
 * Throughput of the pure health-score engine: `npm run bench:score -- [--companies N] [--seed N] [--json]`.
 * Generates N companies (default 100,000) with a seeded PRNG: every property the default model reads as a
 * HubSpot string, 0–12 tickets, 0–6 survey answers, a previous tier for half of them and three history
 * snapshots. Generation is not timed. Then warms up on the first 2,000 and times one computeHealth pass over
 * all of them on this one thread. Prints {companies, seconds, companiesPerSecond, peakRssMb}.
 */
import { computeHealth } from '../src/health/engine/compute-health.pure.ts';
import { defaultHealthModel } from '../src/health/model/default-health-model.ts';
import { parseSizeArgs } from './bench-size-args.ts';
import { syntheticCompanies, syntheticNow } from './synthetic-health-inputs.ts';

const { companies, seed, json } = parseSizeArgs('bench-score');

const now = syntheticNow;
const model = defaultHealthModel;
const inputs = syntheticCompanies(companies, seed);

// Keep every result reachable through a sum, so nothing can be optimised away.
let checksum = 0;
for (const company of inputs.slice(0, 2_000)) checksum += computeHealth(company, model, now).score ?? 0;

checksum = 0;
const started = performance.now();
for (const company of inputs) checksum += computeHealth(company, model, now).score ?? 0;
const seconds = (performance.now() - started) / 1000;

const result = {
  companies,
  seconds: Math.round(seconds * 1000) / 1000,
  companiesPerSecond: Math.round(companies / seconds),
  // maxRSS is in KiB.
  peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
};
process.stdout.write(
  json
    ? `${JSON.stringify(result)}\n`
    : `Scored ${result.companies} companies in ${result.seconds} s (${result.companiesPerSecond} companies/s, ` +
        `score sum ${Math.round(checksum)}); peak RSS ${result.peakRssMb} MB.\n`,
);
