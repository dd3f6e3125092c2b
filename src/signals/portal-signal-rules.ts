import type { Kysely } from 'kysely';

import { loadActiveHealthModel } from '../health/model/active-health-model.ts';
import type { Logger } from '../shared/logger.ts';
import type { Database } from '../store/database-schema.ts';
import { evaluateRules } from './rules/evaluate-rules.pure.ts';
import { loadSignalInputs } from './signal-inputs.ts';
import type { SignalServiceDeps } from './signal-service.ts';
import { loadSignalSettings } from './signal-settings-store.ts';

function ownerOf(owner: string | null | undefined, fallback: string | null): string | null {
  return owner === null || owner === undefined || owner.trim() === '' ? fallback : owner;
}

/**
 * The rules as the signal service runs them for a portal: its active health model and signal settings, the
 * companies' inputs from the store, and the pure rules. The owner of what fires is the company's HubSpot owner,
 * else the settings' fallback owner.
 */
export function portalSignalRules(
  db: Kysely<Database>,
  logger: Logger,
): Pick<SignalServiceDeps, 'fire' | 'dueDays'> {
  return {
    async fire(portalId, companyIds, now) {
      const [{ model }, settings] = await Promise.all([
        loadActiveHealthModel(db, portalId),
        loadSignalSettings(db, logger, portalId),
      ]);
      const inputs = await loadSignalInputs(db, portalId, companyIds, model, settings, now);
      return inputs.map((company) => ({
        companyId: company.companyId,
        ownerId: ownerOf(company.properties.hubspot_owner_id, settings.routing.ownerFallbackId),
        firings: evaluateRules(company, settings, now),
      }));
    },
    async dueDays(portalId) {
      return (await loadSignalSettings(db, logger, portalId)).dueDays;
    },
  };
}
