import type { CommandInfo } from '../cli-command.ts';
import { backtestCommand } from './backtest.command.ts';
import { calibrateCommand } from './calibrate.command.ts';
import { dbMigrateCommand } from './db-migrate.command.ts';
import { exportCommand } from './export.command.ts';
import { ingestCommand } from './ingest.command.ts';
import { playbooksCommand } from './playbooks.command.ts';
import { proposalsCommand } from './proposals.command.ts';
import { reportCommand } from './report.command.ts';
import { reviewCommand } from './review.command.ts';
import { scoreCommand } from './score.command.ts';
import { serveCommand } from './serve.command.ts';
import { signalsCommand } from './signals.command.ts';
import { syncCommand } from './sync.command.ts';
import { workflowsCommand } from './workflows.command.ts';

export {
  backtestCommand,
  calibrateCommand,
  dbMigrateCommand,
  exportCommand,
  ingestCommand,
  playbooksCommand,
  proposalsCommand,
  reportCommand,
  reviewCommand,
  scoreCommand,
  serveCommand,
  signalsCommand,
  syncCommand,
  workflowsCommand,
};

/** Every command, in the order `harbor help` lists them. */
export const commandInfos: readonly CommandInfo[] = [
  serveCommand,
  dbMigrateCommand,
  syncCommand,
  scoreCommand,
  signalsCommand,
  playbooksCommand,
  workflowsCommand,
  reviewCommand,
  reportCommand,
  exportCommand,
  ingestCommand,
  backtestCommand,
  calibrateCommand,
  proposalsCommand,
];
