import { playbookTypes } from '@harbor/wire';
import type { Kysely } from 'kysely';

import { playbookNames } from '../playbooks/playbook-names.ts';
import type { Logger } from '../shared/logger.ts';
import { loadActionSettings } from '../signals/signal-settings-store.ts';
import type { Database } from '../store/database-schema.ts';

/**
 * The playbooks a workflow may start or wait for: those the portal has not turned off portal-wide (a
 * segment's override still decides per company when the action runs), named in the portal's task language.
 */
export async function playbookOptions(
  deps: { db: Kysely<Database>; logger: Logger },
  portalId: number,
  query: string,
): Promise<{ label: string; value: string }[]> {
  const settings = await loadActionSettings(deps.db, deps.logger, portalId);
  const names = playbookNames[settings.signals.routing.taskLanguage];
  const wanted = query.trim().toLowerCase();
  return playbookTypes
    .filter((type) => settings.playbooks.templates[type]?.enabled !== false)
    .map((type) => ({ label: names[type], value: type }))
    .filter(
      (option) =>
        wanted === '' || option.label.toLowerCase().includes(wanted) || option.value.includes(wanted),
    );
}
