import type { CommandInfo } from '../cli-command.ts';
import { dbMigrateCommand } from './db-migrate.command.ts';
import { serveCommand } from './serve.command.ts';
import { syncCommand } from './sync.command.ts';

export { dbMigrateCommand, serveCommand, syncCommand };

/** Every command, in the order `harbor help` lists them. Later: score, calibrate, backtest, report. */
export const commandInfos: readonly CommandInfo[] = [serveCommand, dbMigrateCommand, syncCommand];
