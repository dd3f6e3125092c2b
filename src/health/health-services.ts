import type { Kysely } from 'kysely';

import type { HubSpotGateway } from '../hubspot/hubspot-gateway.ts';
import type { Logger } from '../shared/logger.ts';
import type { Database } from '../store/database-schema.ts';
import {
  decideProposal,
  listCalibrationProposals,
  type CalibrationProposal,
} from '../store/repositories/health-calibration-repository.ts';
import {
  applyCalibrationProposal,
  proposeCalibration,
  runBacktest,
  type BacktestReport,
  type CalibrationProposalReport,
} from './backtest/run-backtest.ts';
import { rescorePortal, type RescoreSummary } from './scoring/rescore-portal.ts';
import type { WriteBackSummary } from './write-back/write-back.ts';
import { createWriteBackSink } from './write-back/write-back-sink.ts';

export interface HealthServiceDeps {
  db: Kysely<Database>;
  gateway: HubSpotGateway;
  logger: Logger;
  now: () => Date;
}

export interface HealthServices {
  rescore(
    portalId: number,
    options?: { writeBack?: boolean; onProgress?: (scored: number) => void; scope?: 'full' | 'auto' },
  ): Promise<RescoreSummary<WriteBackSummary>>;
  backtest(portalId: number): Promise<BacktestReport>;
  propose(portalId: number, actor: string): Promise<CalibrationProposalReport>;
  listProposals(portalId: number): Promise<CalibrationProposal[]>;
  apply(portalId: number, proposalId: number, actor: string): Promise<{ version: number }>;
  dismiss(portalId: number, proposalId: number, actor: string): Promise<void>;
}

/** Scoring, backtest and calibration wired to one database and the process's one HubSpot gateway. */
export function createHealthServices(deps: HealthServiceDeps): HealthServices {
  const { db, gateway, logger, now } = deps;
  const backtestDeps = (portalId: number) => ({ db, logger, now, gateway: gateway.forPortal(portalId) });
  return {
    rescore: (portalId, options = {}) =>
      rescorePortal(
        {
          db,
          logger,
          now,
          sink:
            options.writeBack === false
              ? undefined
              : createWriteBackSink({ db, gateway, logger, now }, portalId),
          ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
          scope: options.scope ?? 'full',
        },
        portalId,
      ),
    backtest: (portalId) => runBacktest(backtestDeps(portalId), portalId),
    propose: (portalId, actor) => proposeCalibration(backtestDeps(portalId), portalId, { actor, save: true }),
    listProposals: (portalId) => listCalibrationProposals(db, portalId),
    apply: (portalId, proposalId, actor) => applyCalibrationProposal({ db }, portalId, proposalId, actor),
    dismiss: async (portalId, proposalId, actor) => {
      await decideProposal(db, portalId, proposalId, { status: 'dismissed', actor });
    },
  };
}
