import {
  settingsHistoryLimit,
  settingsHistoryPageWire,
  settingsProposalLimit,
  settingsViewWire,
  type CompanyPropertiesWire,
  type SettingsHistoryPageWire,
} from '@harbor/wire';
import type { Kysely } from 'kysely';
import { z } from 'zod';

import { toModelWire } from '../../health/health-model-wire.ts';
import { loadActiveHealthModel } from '../../health/model/active-health-model.ts';
import { modelProperties } from '../../health/model/model-properties.pure.ts';
import { defineRoute, type RouteSpec } from '../../http/route-table/route-spec.ts';
import { noBody, noParams, noQuery, rowId } from '../../http/route-table/wire-schemas.ts';
import type { Logger } from '../../shared/logger.ts';
import type { Database } from '../../store/database-schema.ts';
import { listCalibrationProposals } from '../../store/repositories/health-calibration-repository.ts';
import { isPortalUser } from '../../store/repositories/owners-repository.ts';
import { findCurrentSettings } from '../../store/repositories/settings-repository.ts';
import {
  listHealthModelVersionPage,
  ownerNamesByUserId,
} from '../../store/repositories/settings-view-repository.ts';
import { parseMappedProperties } from '../../sync/sync-catalog.pure.ts';
import {
  cachedCompanyProperties,
  companyPropertiesWaitMs,
  withDeadline,
  type ListCompanyProperties,
} from './company-properties-source.ts';
import {
  actorName,
  capMappedProperties,
  fitCompanyProperties,
  modelChanges,
  propertiesInUse,
  toSettingsProposal,
  userIdOfActor,
} from './settings-view.pure.ts';

export interface SettingsViewDeps {
  db: Kysely<Database>;
  logger: Logger;
  now: () => Date;
  /**
   * The portal's company properties from HubSpot (cached here per portal). Absent or failing, the page
   * offers only the properties the model already reads, and says so.
   */
  companyProperties?: ListCompanyProperties | undefined;
}

const signedRead = {
  auth: { kind: 'hubspot', versions: ['v3'] },
  identity: { kind: 'signed-url', user: 'optional' },
} as const;
const examplePortal = { portalId: '9000001', userId: '7001' };
const historyQuery = z.strictObject({ before: rowId.optional() });

/** A page of model versions, each with what it changed against the one before. */
async function historyPage(
  db: Kysely<Database>,
  portalId: number,
  beforeVersion: number | undefined,
): Promise<{ page: SettingsHistoryPageWire; actors: string[] }> {
  // One more than shown: it says whether older versions exist and is what the last shown one changed.
  const rows = await listHealthModelVersionPage(db, portalId, {
    limit: settingsHistoryLimit + 1,
    beforeVersion,
  });
  const shown = rows.slice(0, settingsHistoryLimit);
  const actors = shown.map((row) => row.createdBy);
  const names = await ownerNamesByUserId(
    db,
    portalId,
    actors.map(userIdOfActor).filter((id) => id !== undefined),
  );
  const versions = shown.map((row, index) => {
    const previous = rows[index + 1];
    return {
      version: row.version,
      source: row.source,
      createdBy: row.createdBy,
      createdByName: actorName(row.createdBy, names),
      createdAt: row.createdAt.toISOString(),
      ...(previous === undefined ? { changes: [], moreChanges: 0 } : modelChanges(previous.model, row.model)),
    };
  });
  return {
    page: {
      versions,
      before: rows.length > settingsHistoryLimit ? String(shown.at(-1)?.version) : null,
    },
    actors,
  };
}

/** The settings page's read side: everything it shows in one answer, and older history a page at a time. */
export function settingsViewRoutes(deps: SettingsViewDeps): RouteSpec[] {
  const { db } = deps;
  const listProperties =
    deps.companyProperties === undefined
      ? undefined
      : cachedCompanyProperties(deps.companyProperties, deps.now);

  async function companyProperties(
    portalId: number,
    inUse: readonly string[],
  ): Promise<CompanyPropertiesWire> {
    if (listProperties !== undefined) {
      try {
        const definitions = await withDeadline(listProperties(portalId), companyPropertiesWaitMs);
        return { source: 'hubspot', ...fitCompanyProperties(definitions) };
      } catch (error) {
        deps.logger.warn({ err: error, portalId }, 'company properties could not be listed for settings');
      }
    }
    return { source: 'unavailable', properties: propertiesInUse(inUse), truncated: false };
  }

  return [
    defineRoute({
      method: 'GET',
      path: '/api/views/settings',
      summary: 'the settings page: model, properties to choose from, proposals, history, who may edit',
      ...signedRead,
      // The first opening in a portal saves the default model as version 1, like GET /api/health/model.
      effect: 'idempotent',
      params: noParams,
      query: noQuery,
      body: noBody,
      response: settingsViewWire,
      example: { query: examplePortal },
      async handler({ identity }) {
        const { portalId, userId } = identity;
        const active = await loadActiveHealthModel(db, portalId);
        const [stored, history, settings, canEdit] = await Promise.all([
          listCalibrationProposals(db, portalId, { limit: settingsProposalLimit }),
          historyPage(db, portalId, undefined),
          findCurrentSettings(db, portalId),
          // The signed user id is all Harbor can verify; HubSpot's permission claim comes from the browser.
          userId === undefined ? Promise.resolve(false) : isPortalUser(db, portalId, userId),
        ]);
        const needed = modelProperties(active.model);
        const mapped = parseMappedProperties(settings?.settings);
        const mappedProperties = capMappedProperties({
          ...mapped,
          companies: [...(mapped.companies ?? []), ...needed.companies],
          tickets: [...(mapped.tickets ?? []), ...needed.tickets],
        });
        const names = await ownerNamesByUserId(
          db,
          portalId,
          stored.map((proposal) => userIdOfActor(proposal.createdBy)).filter((id) => id !== undefined),
        );
        return {
          kind: 'json',
          body: {
            active: toModelWire(active),
            mappedProperties,
            companyProperties: await companyProperties(portalId, mappedProperties.companies ?? []),
            proposals: stored.map((proposal) => toSettingsProposal(proposal, names)),
            history: history.page,
            canEdit,
          },
        };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/views/settings/history',
      summary: "older versions of the portal's health model, newest first, with what each changed",
      ...signedRead,
      effect: 'read',
      params: noParams,
      query: historyQuery,
      body: noBody,
      response: settingsHistoryPageWire,
      example: { query: { ...examplePortal, before: '2' } },
      async handler({ identity, query }) {
        return { kind: 'json', body: (await historyPage(db, identity.portalId, query.before)).page };
      },
    }),
  ];
}
