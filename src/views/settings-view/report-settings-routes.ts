import {
  defaultReportSettings,
  reportSettingsEditWire,
  reportSettingsSavedWire,
  reportSettingsViewWire,
} from '@harbor/wire';
import type { Kysely } from 'kysely';

import { actorOf } from '../../health/health-score-routes.ts';
import { defaultHealthModel } from '../../health/model/default-health-model.ts';
import { healthModelSchema } from '../../health/model/health-model-schema.ts';
import { defineRoute, type RouteSpec } from '../../http/route-table/route-spec.ts';
import { noBody, noParams, noQuery } from '../../http/route-table/wire-schemas.ts';
import { loadReportSettings } from '../../reports/report-settings-store.ts';
import type { Logger } from '../../shared/logger.ts';
import type { Database } from '../../store/database-schema.ts';
import { findCurrentHealthModel } from '../../store/repositories/health-models-repository.ts';
import { findCurrentSettings, saveSettingsVersion } from '../../store/repositories/settings-repository.ts';

export interface ReportSettingsRouteDeps {
  db: Kysely<Database>;
  logger: Logger;
}

const examplePortal = { portalId: '9000001', userId: '7001' };

/** The segments a target can name: the current model's (a read never saves the default model). */
async function modelSegments(db: Kysely<Database>, portalId: number): Promise<string[]> {
  const stored = await findCurrentHealthModel(db, portalId);
  const parsed = stored === undefined ? undefined : healthModelSchema.safeParse(stored.model);
  const model = parsed?.success === true ? parsed.data : defaultHealthModel;
  return Object.keys(model.segments).toSorted();
}

/**
 * The settings page's Reports tab: read the reports part in force (targets, survey, routing, digest), and
 * save an edit as a new settings version, audited. The body is checked with the schema the reports and the
 * alerts load with, so a bad field is refused with its path and nothing is saved.
 */
export function reportSettingsRoutes(deps: ReportSettingsRouteDeps): RouteSpec[] {
  const { db, logger } = deps;
  return [
    defineRoute({
      method: 'GET',
      path: '/api/settings/reports',
      summary: "the reports' targets, survey cadence and alerts, hand-off routing and digest in force",
      auth: { kind: 'hubspot', versions: ['v3'] },
      identity: { kind: 'signed-url', user: 'optional' },
      effect: 'read',
      params: noParams,
      query: noQuery,
      body: noBody,
      response: reportSettingsViewWire,
      example: { query: examplePortal },
      async handler({ identity }) {
        const { portalId } = identity;
        const [settings, current, segments] = await Promise.all([
          loadReportSettings(db, logger, portalId),
          findCurrentSettings(db, portalId),
          modelSegments(db, portalId),
        ]);
        return { kind: 'json', body: { version: current?.version ?? null, settings, segments } };
      },
    }),
    defineRoute({
      method: 'PUT',
      path: '/api/settings/reports',
      summary: "an admin's edit of the reports settings: a new settings version, audited",
      auth: { kind: 'hubspot', versions: ['v3'] },
      identity: { kind: 'signed-url', user: 'member' },
      effect: 'write',
      params: noParams,
      query: noQuery,
      body: reportSettingsEditWire,
      response: reportSettingsSavedWire,
      example: { query: examplePortal, body: { reports: defaultReportSettings } },
      async handler({ identity, body }) {
        const { portalId } = identity;
        // The settings object holds other parts too (signals, mapped properties, …): an edit here keeps them.
        const current = await findCurrentSettings(db, portalId);
        const version = await saveSettingsVersion(
          db,
          portalId,
          { ...current?.settings, reports: body.reports },
          actorOf(identity),
        );
        return { kind: 'json', body: { portalId, version } };
      },
    }),
  ];
}
