import { parseArgs } from 'node:util';

/**
 * `--companies N` (default 100,000), `--seed N` (default 1) and `--json`, shared by the benchmarks that
 * generate a portal of a given size; bad values print the usage line and exit 2.
 */
export function parseSizeArgs(name: string): { companies: number; seed: number; json: boolean } {
  const { values } = parseArgs({
    options: {
      companies: { type: 'string', default: '100000' },
      seed: { type: 'string', default: '1' },
      json: { type: 'boolean', default: false },
    },
  });
  const companies = Number(values.companies);
  const seed = Number(values.seed);
  if (!Number.isSafeInteger(companies) || companies <= 0 || !Number.isSafeInteger(seed)) {
    process.stderr.write(`usage: ${name} [--companies N] [--seed N] [--json]\n`);
    process.exit(2);
  }
  return { companies, seed, json: values.json };
}
