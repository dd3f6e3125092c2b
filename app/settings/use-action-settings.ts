import { actionSettingsSavedWire, actionSettingsViewWire, type ActionSettingsViewWire } from '@harbor/wire';
import type { HarborContext } from '@harbor/ui';

import { validateActionDraft, type ActionDraft } from './action-settings-draft.ts';
import { useSettingsDraft, type SettingsDraftState } from './use-settings-draft.ts';

/** What the Signals, Automations and Playbooks tabs share: the loaded settings, one draft and one save. */
export type ActionSettings = SettingsDraftState<ActionSettingsViewWire, ActionDraft>;

const partsOf = (view: ActionSettingsViewWire): ActionDraft => ({
  signals: view.signals,
  playbooks: view.playbooks,
  automations: view.automations,
});

/**
 * Loads the settings of the three tabs, keeps the admin's edits as one draft and saves them through
 * PUT /api/settings/actions once the draft passes the service's own schema. Like the model's draft, it
 * belongs to the settings version it started from.
 */
export function useActionSettings(context: HarborContext): ActionSettings {
  return useSettingsDraft(context, {
    path: '/api/settings/actions',
    viewWire: actionSettingsViewWire,
    savedWire: actionSettingsSavedWire,
    versionOf: (view) => view.version,
    draftOf: partsOf,
    validate: validateActionDraft,
    bodyOf: (draft) => draft,
  });
}
