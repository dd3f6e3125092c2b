import type { Kysely } from 'kysely';

import type { UsageFacts } from '../health/health-types.ts';
import type { Database } from '../store/database-schema.ts';
import { loadUsage } from '../store/repositories/usage-ingest-repository.ts';
import { usageFactsOf, type UsageDay } from './usage-facts.pure.ts';

const dayMs = 86_400_000;
/** The card's chart span; also covers the two 30-day windows and "a month ago" the facts read. */
export const usageDays = 90;

/** The first day of the last `usageDays` (today included), YYYY-MM-DD. */
export function usageSince(now: number): string {
  return new Date(Math.floor(now / dayMs) * dayMs - (usageDays - 1) * dayMs).toISOString().slice(0, 10);
}

/** Ingested days of these companies in the last 90; companies without any are absent. */
export function loadRecentUsage(
  db: Kysely<Database>,
  portalId: number,
  companyIds: readonly string[],
  now: number,
): Promise<Map<string, UsageDay[]>> {
  return loadUsage(db, portalId, companyIds, usageSince(now));
}

/** Usage facts of the companies Harbor has ingested usage for; the others are absent (properties apply). */
export async function loadUsageFacts(
  db: Kysely<Database>,
  portalId: number,
  companyIds: readonly string[],
  now: number,
): Promise<Map<string, UsageFacts>> {
  const days = await loadRecentUsage(db, portalId, companyIds, now);
  return new Map([...days].map(([companyId, list]) => [companyId, usageFactsOf(list, now)]));
}
