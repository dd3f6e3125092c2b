import type { Kysely } from 'kysely';

import type { Database } from '../database-schema.ts';

export interface AuditEntry {
  portalId: number;
  actor: string;
  action: string;
  entity: string;
  before: unknown;
  after: unknown;
}

export interface StoredAuditEntry extends AuditEntry {
  id: number;
  at: Date;
}

/** Appends one entry; pass a transaction so the entry and the change it describes land together. */
export async function appendAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      portal_id: entry.portalId,
      actor: entry.actor,
      action: entry.action,
      entity: entry.entity,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
}

/** Newest first. */
export async function listAudit(
  db: Kysely<Database>,
  portalId: number,
  limit = 100,
): Promise<StoredAuditEntry[]> {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('portal_id', '=', portalId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    portalId: row.portal_id,
    actor: row.actor,
    action: row.action,
    entity: row.entity,
    before: row.before,
    after: row.after,
    at: row.at,
  }));
}
