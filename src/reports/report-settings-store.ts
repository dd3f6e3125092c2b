import { defaultReportSettings, reportSettingsSchema, type ReportSettings } from '@harbor/wire';
import type { Kysely } from 'kysely';

import type { Logger } from '../shared/logger.ts';
import type { Database } from '../store/database-schema.ts';
import { findCurrentSettings } from '../store/repositories/settings-repository.ts';

/**
 * The `reports` part of a portal's current settings version (targets, survey cadence, hand-off routing, the
 * digest), or the shipped defaults until an admin saves it. A stored part that no longer parses falls back to
 * the defaults with a warning, as the signal settings do, rather than stopping every report of the portal.
 */
export async function loadReportSettings(
  db: Kysely<Database>,
  logger: Logger,
  portalId: number,
): Promise<ReportSettings> {
  const current = await findCurrentSettings(db, portalId);
  const stored = current?.settings.reports;
  if (stored === undefined) return defaultReportSettings;
  const parsed = reportSettingsSchema.safeParse(stored);
  if (parsed.success) return parsed.data;
  logger.warn(
    { portalId, version: current?.version, part: 'reports', issues: parsed.error.issues.slice(0, 5) },
    'stored settings do not parse; using the defaults',
  );
  return defaultReportSettings;
}
