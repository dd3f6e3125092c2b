import { z } from 'zod';

import type { CliCommand } from '../cli-command.ts';
import { parseCommandArgs } from '../parse-command-args.ts';

export interface DbMigrateDeps {
  /** Applies pending migrations and logs what it did; false when one failed. */
  migrate(): Promise<boolean>;
}

const help = `Usage: npm run db:migrate   (or: npm run harbor -- db:migrate)

Applies pending database migrations and exits. Idempotent, and safe while other instances start: a
migration lock keeps two runs from applying the same step. The service also migrates on start.

Options:
  -h, --help   this message`;

export const dbMigrateCommand: CliCommand<Record<string, never>, DbMigrateDeps> = {
  name: 'db:migrate',
  summary: 'apply pending database migrations and exit',
  help,
  parse: (argv) => parseCommandArgs(argv, {}, z.object({}).strict()),
  run: async (_args, deps) => ((await deps.migrate()) ? 0 : 1),
};
