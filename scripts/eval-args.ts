import { parseArgs } from 'node:util';

import { z } from 'zod';

const positive = z.coerce.number().int().positive();
const evalArgs = z.object({
  companies: positive.default(10_000),
  seed: positive.default(1),
  json: z.boolean().default(false),
});
export type EvalArgs = z.output<typeof evalArgs>;

/** The evaluations' shared options, `[--companies <n>] [--seed <s>] [--json]`; exits 2 with usage when wrong. */
export function parseEvalArgs(name: string): EvalArgs {
  const parsed = evalArgs.safeParse(
    parseArgs({
      options: { companies: { type: 'string' }, seed: { type: 'string' }, json: { type: 'boolean' } },
    }).values,
  );
  if (parsed.success) return parsed.data;
  process.stderr.write(
    `${parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('\n')}\n` +
      `usage: ${name} [--companies <n>] [--seed <s>] [--json]\n`,
  );
  process.exit(2);
}
