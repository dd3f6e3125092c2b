import {
  actionSettingsEditWire,
  actionSettingsSavedWire,
  actionSettingsViewWire,
  defaultAutomationSettings,
  defaultPlaybooks,
  defaultPlaybookSettings,
  defaultSignalSettings,
  playbookTypes,
  type PlaybookTemplate,
  type PlaybookType,
  type TaskLanguage,
} from '@harbor/wire';
import type { Kysely } from 'kysely';

import { actorOf } from '../../health/health-score-routes.ts';
import { defineRoute, type RouteSpec } from '../../http/route-table/route-spec.ts';
import { noBody, noParams, noQuery } from '../../http/route-table/wire-schemas.ts';
import type { Logger } from '../../shared/logger.ts';
import { loadActionSettings } from '../../signals/signal-settings-store.ts';
import type { Database } from '../../store/database-schema.ts';
import { findCurrentSettings, saveSettingsVersion } from '../../store/repositories/settings-repository.ts';

export interface ActionSettingsRouteDeps {
  db: Kysely<Database>;
  logger: Logger;
}

const examplePortal = { portalId: '9000001', userId: '7001' };

function shippedPlaybooks(language: TaskLanguage): Record<PlaybookType, PlaybookTemplate> {
  return Object.fromEntries(playbookTypes.map((type) => [type, defaultPlaybooks[type][language]])) as Record<
    PlaybookType,
    PlaybookTemplate
  >;
}

/**
 * The settings page's Signals, Automations and Playbooks tabs: read the parts in force, and save an edit of
 * all three as a new settings version. The body is checked part by part with the schemas the signal rules,
 * playbooks and automations load with, so a bad field is refused with its path and nothing is saved.
 */
export function actionSettingsRoutes(deps: ActionSettingsRouteDeps): RouteSpec[] {
  const { db, logger } = deps;
  return [
    defineRoute({
      method: 'GET',
      path: '/api/settings/actions',
      summary: 'signal rules, playbook templates and automations in force, with the shipped playbooks',
      auth: { kind: 'hubspot', versions: ['v3'] },
      identity: { kind: 'signed-url', user: 'optional' },
      effect: 'read',
      params: noParams,
      query: noQuery,
      body: noBody,
      response: actionSettingsViewWire,
      example: { query: examplePortal },
      async handler({ identity }) {
        const { portalId } = identity;
        const [parts, current] = await Promise.all([
          loadActionSettings(db, logger, portalId),
          findCurrentSettings(db, portalId),
        ]);
        return {
          kind: 'json',
          body: {
            ...parts,
            version: current?.version ?? null,
            defaultPlaybooks: shippedPlaybooks(parts.signals.routing.taskLanguage),
          },
        };
      },
    }),
    defineRoute({
      method: 'PUT',
      path: '/api/settings/actions',
      summary: "an admin's edit of signals, playbooks and automations: a new settings version, audited",
      auth: { kind: 'hubspot', versions: ['v3'] },
      identity: { kind: 'signed-url', user: 'member' },
      effect: 'write',
      params: noParams,
      query: noQuery,
      body: actionSettingsEditWire,
      response: actionSettingsSavedWire,
      example: {
        query: examplePortal,
        body: {
          signals: defaultSignalSettings,
          playbooks: defaultPlaybookSettings,
          automations: defaultAutomationSettings,
        },
      },
      async handler({ identity, body }) {
        const { portalId } = identity;
        // The settings object holds other keys too (mapped properties, …): an edit here keeps them.
        const current = await findCurrentSettings(db, portalId);
        const version = await saveSettingsVersion(
          db,
          portalId,
          { ...current?.settings, ...body },
          actorOf(identity),
        );
        return { kind: 'json', body: { portalId, version } };
      },
    }),
  ];
}
