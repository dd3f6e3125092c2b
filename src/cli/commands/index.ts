import type { CommandInfo } from '../cli-command.ts';
import { backtestCommand } from './backtest.command.ts';
import { calibrateCommand } from './calibrate.command.ts';
import { dbMigrateCommand } from './db-migrate.command.ts';
import { playbooksCommand } from './playbooks.command.ts';
import { proposalsCommand } from './proposals.command.ts';
import { reviewCommand } from './review.command.ts';
import { scoreCommand } from './score.command.ts';
import { serveCommand } from './serve.command.ts';
import { signalsCommand } from './signals.command.ts';
import { syncCommand } from './sync.command.ts';

export {
  backtestCommand,
  calibrateCommand,
  dbMigrateCommand,
  playbooksCommand,
  proposalsCommand,
  reviewCommand,
  scoreCommand,
  serveCommand,
  signalsCommand,
  syncCommand,
};

/** Every command, in the order `harbor help` lists them. */
export const commandInfos: readonly CommandInfo[] = [
  serveCommand,
  dbMigrateCommand,
  syncCommand,
  scoreCommand,
  signalsCommand,
  playbooksCommand,
  reviewCommand,
  backtestCommand,
  calibrateCommand,
  proposalsCommand,
];
