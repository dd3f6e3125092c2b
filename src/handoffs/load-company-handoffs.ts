import type { HandoffsBlockWire, ReportSettings } from '@harbor/wire';
import type { Kysely } from 'kysely';

import { loadReportSettings } from '../reports/report-settings-store.ts';
import type { Logger } from '../shared/logger.ts';
import type { Database } from '../store/database-schema.ts';
import { loadOwnerNames } from '../store/repositories/action-plans-repository.ts';
import {
  listCompanyHandoffs,
  listOpenCompanyDeals,
  type HandoffRow,
} from '../store/repositories/handoffs-repository.ts';
import { toHandoffWire } from './handoff-wire.ts';

function routed(routing: ReportSettings['routing']): HandoffsBlockWire['routed'] {
  return {
    support: routing.support !== null,
    finance: routing.finance !== null,
    marketing: routing.marketing !== null,
    automation: routing.automation !== null,
  };
}

/** The stored hand-offs as the card shows them, with the names of the owners who got them. */
export async function handoffWires(db: Kysely<Database>, portalId: number, rows: readonly HandoffRow[]) {
  const ownerIds = rows.flatMap((row) =>
    row.assignee !== null && 'ownerId' in row.assignee ? [row.assignee.ownerId] : [],
  );
  const names = await loadOwnerNames(db, portalId, ownerIds);
  return rows.map((row) => toHandoffWire(row, names));
}

/** What the card's "Hand-offs" section shows: the list, the open deals to name, the destinations set up. */
export async function loadCompanyHandoffs(
  db: Kysely<Database>,
  logger: Logger,
  portalId: number,
  companyId: string,
): Promise<HandoffsBlockWire> {
  const [rows, openDeals, settings] = await Promise.all([
    listCompanyHandoffs(db, portalId, companyId),
    listOpenCompanyDeals(db, portalId, companyId),
    loadReportSettings(db, logger, portalId),
  ]);
  return { handoffs: await handoffWires(db, portalId, rows), openDeals, routed: routed(settings.routing) };
}
