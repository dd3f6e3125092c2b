import { randomUUID } from 'node:crypto';

import type { Kysely } from 'kysely';

import type { HubSpotGateway } from '../hubspot/hubspot-gateway.ts';
import { defaultHeartbeatMs, defaultLeaseTtlMs, withPortalLease } from '../jobs/portal-lease.ts';
import { AppError } from '../shared/errors/app-error.ts';
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
  /** Who holds the portal's lease while rescoring on demand (this instance, or the CLI process). */
  leaseOwner: string;
  /** Told each page of freshly scored companies: the one hook the features that react to scores use. */
  onScored?: ((portalId: number, companyIds: readonly string[]) => Promise<void>) | undefined;
}

interface RescoreOptions {
  writeBack?: boolean;
  onProgress?: (scored: number) => void;
  scope?: 'full' | 'auto';
  /** Only these companies (those a webhook batch changed); `scope` is ignored then. */
  companyIds?: readonly string[] | undefined;
}

export interface HealthServices {
  /** Rescores now; the caller already holds the portal's sync lease (the rescoring after a sync). */
  rescore(portalId: number, options?: RescoreOptions): Promise<RescoreSummary<WriteBackSummary>>;
  /**
   * Rescores on demand under the portal's sync lease, so it never runs beside a sync or another rescoring
   * (in any instance); a CONFLICT when one is running.
   */
  rescoreNow(portalId: number, options?: RescoreOptions): Promise<RescoreSummary<WriteBackSummary>>;
  backtest(portalId: number): Promise<BacktestReport>;
  propose(portalId: number, actor: string): Promise<CalibrationProposalReport>;
  listProposals(
    portalId: number,
    page: { limit: number; beforeId?: number | undefined },
  ): Promise<CalibrationProposal[]>;
  apply(portalId: number, proposalId: number, actor: string): Promise<{ version: number }>;
  dismiss(portalId: number, proposalId: number, actor: string): Promise<void>;
}

/** Scoring, backtest and calibration wired to one database and the process's one HubSpot gateway. */
export function createHealthServices(deps: HealthServiceDeps): HealthServices {
  const { db, gateway, logger, now, onScored } = deps;
  const backtestDeps = (portalId: number) => ({ db, logger, now, gateway: gateway.forPortal(portalId) });
  const rescore: HealthServices['rescore'] = (portalId, options = {}) =>
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
        companyIds: options.companyIds,
        onScored: onScored === undefined ? undefined : (ids) => onScored(portalId, ids),
      },
      portalId,
    );
  return {
    rescore,
    async rescoreNow(portalId, options) {
      const outcome = await withPortalLease(
        db,
        {
          portalId,
          job: 'sync',
          // One holder per call: a lease counts its own owner's second take as a renewal, so a shared name
          // would let a webhook's rescoring and an on-demand one run side by side in this process.
          owner: `${deps.leaseOwner}:${randomUUID()}`,
          ttlMs: defaultLeaseTtlMs,
          heartbeatMs: defaultHeartbeatMs,
          now,
          logger,
        },
        () => rescore(portalId, options),
      );
      if (!outcome.acquired) {
        throw new AppError(
          'CONFLICT',
          `Portal ${portalId} is being synced or scored right now; try again shortly`,
        );
      }
      return outcome.value;
    },
    backtest: (portalId) => runBacktest(backtestDeps(portalId), portalId),
    propose: (portalId, actor) => proposeCalibration(backtestDeps(portalId), portalId, { actor, save: true }),
    listProposals: (portalId, page) => listCalibrationProposals(db, portalId, page),
    apply: (portalId, proposalId, actor) => applyCalibrationProposal({ db }, portalId, proposalId, actor),
    dismiss: async (portalId, proposalId, actor) => {
      await decideProposal(db, portalId, proposalId, { status: 'dismissed', actor });
    },
  };
}
