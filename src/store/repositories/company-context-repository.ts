import type { Kysely } from 'kysely';

import type { Database } from '../database-schema.ts';

/** What acting on one company needs: whether Harbor has it, its HubSpot owner and its scored segment. */
export interface CompanyContext {
  properties: Readonly<Record<string, string | null>>;
  ownerId: string | null;
  /** The segment of its latest score; null when it has not been scored yet. */
  scoredSegment: string | null;
}

export async function loadCompanyContext(
  db: Kysely<Database>,
  portalId: number,
  companyId: string,
): Promise<CompanyContext | undefined> {
  const row = await db
    .selectFrom('companies as c')
    .leftJoin('health_scores as h', (join) =>
      join.onRef('h.portal_id', '=', 'c.portal_id').onRef('h.company_id', '=', 'c.id'),
    )
    .select(['c.properties', 'h.segment'])
    .where('c.portal_id', '=', portalId)
    .where('c.id', '=', companyId)
    .where('c.archived', '=', false)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const owner = row.properties.hubspot_owner_id?.trim();
  return {
    properties: row.properties,
    ownerId: owner === undefined || owner === '' ? null : owner,
    scoredSegment: row.segment,
  };
}
