import { reportSettingsSavedWire, reportSettingsViewWire, type ReportSettingsViewWire } from '@harbor/wire';
import type { HarborContext } from '@harbor/ui';

import { validateReportDraft, type ReportDraft } from './report-settings-draft.ts';
import { useSettingsDraft, type SettingsDraftState } from './use-settings-draft.ts';

/** The Reports tab's state: the loaded settings, the admin's draft and its save. */
export type ReportSettingsState = SettingsDraftState<ReportSettingsViewWire, ReportDraft>;

/**
 * Loads the reports settings, keeps the admin's edits as a draft and saves them through
 * PUT /api/settings/reports once the draft passes the service's own schema. The draft belongs to the
 * settings version it started from.
 */
export function useReportSettings(context: HarborContext): ReportSettingsState {
  return useSettingsDraft(context, {
    path: '/api/settings/reports',
    viewWire: reportSettingsViewWire,
    savedWire: reportSettingsSavedWire,
    versionOf: (view) => view.version,
    draftOf: (view) => view.settings,
    validate: validateReportDraft,
    bodyOf: (draft) => ({ reports: draft }),
  });
}
