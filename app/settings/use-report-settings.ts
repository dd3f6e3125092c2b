import { reportSettingsSavedWire, reportSettingsViewWire, type ReportSettingsViewWire } from '@harbor/wire';
import { harborFetch, HarborApiError, useHarborData, type HarborContext, type HarborData } from '@harbor/ui';
import { useState } from 'react';

import { idle, type ActionState } from './action-state.ts';
import type { FieldErrors } from './model-draft.ts';
import { validateReportDraft, type ReportDraft } from './report-settings-draft.ts';

/** The Reports tab's state: the loaded settings, the admin's draft and its save. */
export interface ReportSettingsState {
  data: HarborData<ReportSettingsViewWire>;
  /** The settings as edited so far (those in force when nothing was changed); undefined until loaded. */
  draft: ReportDraft | undefined;
  dirty: boolean;
  errors: FieldErrors;
  save: ActionState<{ version: number }>;
  onEdit: (update: (draft: ReportDraft) => ReportDraft) => void;
  onSave: () => void;
  onDiscard: () => void;
}

/**
 * Loads the reports settings, keeps the admin's edits as a draft and saves them through
 * PUT /api/settings/reports once the draft passes the service's own schema. The draft belongs to the
 * settings version it started from.
 */
export function useReportSettings(context: HarborContext): ReportSettingsState {
  const data = useHarborData(
    () => harborFetch(context, '/api/settings/reports', reportSettingsViewWire),
    [context.portal.id, context.user.id],
  );
  const [edit, setEdit] = useState<
    { version: number | null; draft: ReportDraft; saved?: boolean } | undefined
  >();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [save, setSave] = useState<ActionState<{ version: number }>>(idle);

  const view = data.state === 'ready' ? data.data : undefined;
  const current = view !== undefined && edit?.version === view.version ? edit : undefined;
  const draft = current?.draft ?? view?.settings;

  const onEdit = (update: (draft: ReportDraft) => ReportDraft) => {
    if (view === undefined || draft === undefined) return;
    const next = update(draft);
    setEdit({ version: view.version, draft: next });
    // Once a save showed errors, they follow the edits, so a fixed field loses its message at once.
    if (Object.keys(errors).length > 0) setErrors(validateReportDraft(next).errors ?? {});
  };

  const onSave = () => {
    if (draft === undefined || data.state !== 'ready') return;
    const checked = validateReportDraft(draft);
    if (checked.errors !== undefined) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setSave({ state: 'busy' });
    harborFetch(context, '/api/settings/reports', reportSettingsSavedWire, {
      method: 'PUT',
      body: { reports: checked.draft },
    }).then(
      (saved) => {
        setSave({ state: 'done', result: { version: saved.version } });
        setEdit({ version: data.data.version, draft: checked.draft, saved: true });
        data.reload();
      },
      (error: unknown) => {
        setSave({ state: 'failed', code: error instanceof HarborApiError ? error.code : 'UNEXPECTED' });
      },
    );
  };

  return {
    data,
    draft,
    dirty: current !== undefined && current.saved !== true,
    errors,
    save,
    onEdit,
    onSave,
    onDiscard: () => {
      setEdit(undefined);
      setErrors({});
    },
  };
}
