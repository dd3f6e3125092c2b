import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

import type { z } from 'zod';

import { CliUsageError, type ParsedCommand } from './cli-command.ts';

/**
 * node:util parseArgs (strict: unknown flags and stray words are errors) plus `--help`/`-h` for every command,
 * then the command's zod schema over the values, so a command only ever sees typed, checked arguments.
 */
export function parseCommandArgs<Schema extends z.ZodType>(
  argv: readonly string[],
  options: ParseArgsOptionsConfig,
  schema: Schema,
): ParsedCommand<z.output<Schema>> {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
  const { help, ...rest } = values;
  if (help === true) return { kind: 'help' };
  const result = schema.safeParse(rest);
  if (!result.success) {
    const message = result.error.issues
      .map((issue) => (issue.path.length > 0 ? `--${issue.path.join('.')}: ${issue.message}` : issue.message))
      .join('; ');
    throw new CliUsageError(message);
  }
  return { kind: 'run', args: result.data };
}
