import { defaultSignalSettings, signalSettingsSchema, type SignalSettings } from '@harbor/wire';
import type { Kysely } from 'kysely';

import type { Logger } from '../shared/logger.ts';
import type { Database } from '../store/database-schema.ts';
import { findCurrentSettings } from '../store/repositories/settings-repository.ts';

/**
 * The portal's signal settings: the `signals` part of its current settings version, or the shipped defaults
 * (docs/signals.md) until an admin saves some. A stored value that no longer parses (an older shape) falls
 * back to the defaults with a warning rather than stopping every signal of the portal.
 */
export async function loadSignalSettings(
  db: Kysely<Database>,
  logger: Logger,
  portalId: number,
): Promise<SignalSettings> {
  const current = await findCurrentSettings(db, portalId);
  const stored = current?.settings.signals;
  if (stored === undefined) return defaultSignalSettings;
  const parsed = signalSettingsSchema.safeParse(stored);
  if (parsed.success) return parsed.data;
  logger.warn(
    { portalId, version: current?.version, issues: parsed.error.issues.slice(0, 5) },
    'stored signal settings do not parse; using the defaults',
  );
  return defaultSignalSettings;
}
