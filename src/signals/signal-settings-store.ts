import {
  automationSettingsSchema,
  defaultAutomationSettings,
  defaultPlaybookSettings,
  defaultSignalSettings,
  playbookSettingsSchema,
  signalSettingsSchema,
  type AutomationSettings,
  type PlaybookSettings,
  type SignalSettings,
} from '@harbor/wire';
import type { Kysely } from 'kysely';
import type { z } from 'zod';

import type { Logger } from '../shared/logger.ts';
import type { Database } from '../store/database-schema.ts';
import { findCurrentSettings } from '../store/repositories/settings-repository.ts';

/**
 * The parts of a portal's current settings version that drive signals and the work that follows them:
 * `signals` (rules, routing), `playbooks` (templates, the owner's daily cap) and `automations`. Each falls
 * back to its shipped defaults (docs/signals.md, docs/playbooks.md, docs/automations.md) until an admin saves
 * it. A stored part that no longer parses (an older shape) falls back to the defaults with a warning rather
 * than stopping every signal or playbook of the portal.
 */
export const actionSettingsParts = {
  signals: { schema: signalSettingsSchema, defaults: defaultSignalSettings },
  playbooks: { schema: playbookSettingsSchema, defaults: defaultPlaybookSettings },
  automations: { schema: automationSettingsSchema, defaults: defaultAutomationSettings },
} as const;
export type ActionSettingsPart = keyof typeof actionSettingsParts;

export interface ActionSettings {
  signals: SignalSettings;
  playbooks: PlaybookSettings;
  automations: AutomationSettings;
}

function parsePart<P extends ActionSettingsPart>(
  part: P,
  stored: unknown,
  warn: (issues: readonly z.core.$ZodIssue[]) => void,
): ActionSettings[P] {
  const { schema, defaults } = actionSettingsParts[part];
  if (stored === undefined) return defaults as ActionSettings[P];
  const parsed = schema.safeParse(stored);
  if (parsed.success) return parsed.data as ActionSettings[P];
  warn(parsed.error.issues);
  return defaults as ActionSettings[P];
}

export async function loadActionSettings(
  db: Kysely<Database>,
  logger: Logger,
  portalId: number,
): Promise<ActionSettings> {
  const current = await findCurrentSettings(db, portalId);
  const part = <P extends ActionSettingsPart>(name: P): ActionSettings[P] =>
    parsePart(name, current?.settings[name], (issues) => {
      logger.warn(
        { portalId, version: current?.version, part: name, issues: issues.slice(0, 5) },
        'stored settings do not parse; using the defaults',
      );
    });
  return { signals: part('signals'), playbooks: part('playbooks'), automations: part('automations') };
}

export async function loadSignalSettings(
  db: Kysely<Database>,
  logger: Logger,
  portalId: number,
): Promise<SignalSettings> {
  return (await loadActionSettings(db, logger, portalId)).signals;
}
