import { actionSettingsSavedWire, actionSettingsViewWire, type ActionSettingsViewWire } from '@harbor/wire';
import { harborFetch, HarborApiError, useHarborData, type HarborContext, type HarborData } from '@harbor/ui';
import { useState } from 'react';

import { idle, type ActionState } from './action-state.ts';
import { validateActionDraft, type ActionDraft } from './action-settings-draft.ts';
import type { FieldErrors } from './model-draft.ts';

/** What the Signals, Automations and Playbooks tabs share: the loaded settings, one draft and one save. */
export interface ActionSettings {
  data: HarborData<ActionSettingsViewWire>;
  /** The settings as edited so far (those in force when nothing was changed); undefined until loaded. */
  draft: ActionDraft | undefined;
  dirty: boolean;
  errors: FieldErrors;
  save: ActionState<{ version: number }>;
  onEdit: (update: (draft: ActionDraft) => ActionDraft) => void;
  onSave: () => void;
  onDiscard: () => void;
}

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
  const data = useHarborData(
    () => harborFetch(context, '/api/settings/actions', actionSettingsViewWire),
    [context.portal.id, context.user.id],
  );
  // `saved`: sent and accepted; it stays on screen until the reloaded settings (a newer version) replace it.
  const [edit, setEdit] = useState<
    { version: number | null; draft: ActionDraft; saved?: boolean } | undefined
  >();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [save, setSave] = useState<ActionState<{ version: number }>>(idle);

  const view = data.state === 'ready' ? data.data : undefined;
  const current = view !== undefined && edit?.version === view.version ? edit : undefined;
  const draft = current?.draft ?? (view === undefined ? undefined : partsOf(view));

  const onEdit = (update: (draft: ActionDraft) => ActionDraft) => {
    if (view === undefined || draft === undefined) return;
    const next = update(draft);
    setEdit({ version: view.version, draft: next });
    // Once a save showed errors, they follow the edits, so a fixed field loses its message at once.
    if (Object.keys(errors).length > 0) setErrors(validateActionDraft(next).errors ?? {});
  };

  const onSave = () => {
    if (draft === undefined || data.state !== 'ready') return;
    const checked = validateActionDraft(draft);
    if (checked.errors !== undefined) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setSave({ state: 'busy' });
    harborFetch(context, '/api/settings/actions', actionSettingsSavedWire, {
      method: 'PUT',
      body: checked.draft,
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
