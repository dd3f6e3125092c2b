import { sql, type Kysely, type Selectable } from 'kysely';

import { AppError } from '../../shared/errors/app-error.ts';
import type { CalibrationProposalsTable, CalibrationProposalStatus, Database } from '../database-schema.ts';
import { appendAudit } from './audit-log-repository.ts';
import { saveHealthModelVersion } from './health-models-repository.ts';

export interface CalibrationProposal {
  id: number;
  portalId: number;
  createdAt: Date;
  createdBy: string;
  baseModelVersion: number;
  /** The proposed model as stored: parse it with healthModelSchema before use. */
  model: unknown;
  report: unknown;
  status: CalibrationProposalStatus;
  decidedBy: string | null;
  decidedAt: Date | null;
}

export interface NewCalibrationProposal {
  baseModelVersion: number;
  model: unknown;
  /** What calibration found (AUC, lift, per-segment changes…): shown to the admin deciding. */
  report: Record<string, unknown>;
  actor: string;
}

function fromRow(row: Selectable<CalibrationProposalsTable>): CalibrationProposal {
  return {
    id: row.id,
    portalId: row.portal_id,
    createdAt: row.created_at,
    createdBy: row.created_by,
    baseModelVersion: row.base_model_version,
    model: row.model,
    report: row.report,
    status: row.status,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
  };
}

export async function createCalibrationProposal(
  db: Kysely<Database>,
  portalId: number,
  proposal: NewCalibrationProposal,
): Promise<CalibrationProposal> {
  const row = await db
    .insertInto('calibration_proposals')
    .values({
      portal_id: portalId,
      created_by: proposal.actor,
      base_model_version: proposal.baseModelVersion,
      model: JSON.stringify(proposal.model),
      report: JSON.stringify(proposal.report),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return fromRow(row);
}

export async function findCalibrationProposal(
  db: Kysely<Database>,
  portalId: number,
  id: number,
): Promise<CalibrationProposal | undefined> {
  const row = await db
    .selectFrom('calibration_proposals')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && fromRow(row);
}

/** Newest first. */
export async function listCalibrationProposals(
  db: Kysely<Database>,
  portalId: number,
  options: {
    status?: CalibrationProposalStatus | undefined;
    limit?: number | undefined;
    /** Only proposals older than this one (the next page). */
    beforeId?: number | undefined;
  } = {},
): Promise<CalibrationProposal[]> {
  let query = db.selectFrom('calibration_proposals').selectAll().where('portal_id', '=', portalId);
  if (options.status !== undefined) query = query.where('status', '=', options.status);
  if (options.beforeId !== undefined) query = query.where('id', '<', options.beforeId);
  const rows = await query
    .orderBy('id', 'desc')
    .limit(options.limit ?? 50)
    .execute();
  return rows.map(fromRow);
}

/** Locks the proposal for this transaction; NOT_FOUND when absent, CONFLICT when already decided. */
async function lockUndecided(
  tx: Kysely<Database>,
  portalId: number,
  id: number,
): Promise<CalibrationProposal> {
  const row = await tx
    .selectFrom('calibration_proposals')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (row === undefined) {
    throw new AppError('NOT_FOUND', `Calibration proposal ${id} does not exist`, { details: { id } });
  }
  if (row.status !== 'proposed') {
    throw new AppError('CONFLICT', `Calibration proposal ${id} was already ${row.status}`, {
      details: { id, status: row.status, decidedBy: row.decided_by },
    });
  }
  return fromRow(row);
}

async function markDecided(
  tx: Kysely<Database>,
  proposal: CalibrationProposal,
  decision: { status: Exclude<CalibrationProposalStatus, 'proposed'>; actor: string; version?: number },
): Promise<CalibrationProposal> {
  const row = await tx
    .updateTable('calibration_proposals')
    .set({ status: decision.status, decided_by: decision.actor, decided_at: sql<Date>`now()` })
    .where('id', '=', proposal.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAudit(tx, {
    portalId: proposal.portalId,
    actor: decision.actor,
    action: `health_model.calibration_${decision.status}`,
    entity: `calibration_proposal:${proposal.id}`,
    before: { status: proposal.status, baseModelVersion: proposal.baseModelVersion },
    after: {
      status: decision.status,
      ...(decision.version === undefined ? {} : { modelVersion: decision.version }),
    },
  });
  return fromRow(row);
}

function inTransaction<T>(db: Kysely<Database>, work: (tx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/**
 * Records the decision on a proposal still 'proposed' (audited as health_model.calibration_<status>). For
 * 'applied', save the model through saveHealthModelVersion in the same transaction, or use applyProposal.
 */
export function decideProposal(
  db: Kysely<Database>,
  portalId: number,
  id: number,
  decision: { status: Exclude<CalibrationProposalStatus, 'proposed'>; actor: string },
): Promise<CalibrationProposal> {
  return inTransaction(db, async (tx) => markDecided(tx, await lockUndecided(tx, portalId, id), decision));
}

/**
 * In one transaction: checks the proposal is still 'proposed' (else AppError CONFLICT; a missing one is
 * NOT_FOUND), saves its model as the portal's next version (source 'calibration'), marks it applied and
 * audits both. Returns the new model version.
 */
export function applyProposal(
  db: Kysely<Database>,
  portalId: number,
  id: number,
  actor: string,
): Promise<{ version: number; proposal: CalibrationProposal }> {
  return inTransaction(db, async (tx) => {
    const proposal = await lockUndecided(tx, portalId, id);
    const version = await saveHealthModelVersion(tx, portalId, proposal.model, {
      source: 'calibration',
      actor,
    });
    const decided = await markDecided(tx, proposal, { status: 'applied', actor, version });
    return { version, proposal: decided };
  });
}
