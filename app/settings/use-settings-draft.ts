import { harborFetch, HarborApiError, useHarborData, type HarborContext, type HarborData } from '@harbor/ui';
import { useState } from 'react';
import type { z } from 'zod';

import { idle, type ActionState } from './action-state.ts';
import type { FieldErrors } from './model-draft.ts';

/** A settings tab's state: the loaded settings, the admin's draft and its save. */
export interface SettingsDraftState<View, Draft> {
  data: HarborData<View>;
  /** The settings as edited so far (those in force when nothing was changed); undefined until loaded. */
  draft: Draft | undefined;
  dirty: boolean;
  errors: FieldErrors;
  save: ActionState<{ version: number }>;
  onEdit: (update: (draft: Draft) => Draft) => void;
  onSave: () => void;
  onDiscard: () => void;
}

export interface SettingsDraftOptions<View, Draft> {
  /** GET and PUT both go here. */
  path: string;
  viewWire: z.ZodType<View>;
  savedWire: z.ZodType<{ version: number }>;
  versionOf: (view: View) => number | null;
  draftOf: (view: View) => Draft;
  /** The service's own schema, run before a save: errors by field path, or the draft as it will be sent. */
  validate: (draft: Draft) => { draft: Draft; errors: undefined } | { errors: FieldErrors };
  bodyOf: (draft: Draft) => Record<string, unknown>;
}

/**
 * Loads a tab's settings, keeps the admin's edits as a draft and saves them with a PUT once the draft passes
 * the service's own schema. Like the model's draft, it belongs to the settings version it started from.
 */
export function useSettingsDraft<View, Draft>(
  context: HarborContext,
  options: SettingsDraftOptions<View, Draft>,
): SettingsDraftState<View, Draft> {
  const data = useHarborData(
    () => harborFetch(context, options.path, options.viewWire),
    [context.portal.id, context.user.id],
  );
  // `saved`: sent and accepted; it stays on screen until the reloaded settings (a newer version) replace it.
  const [edit, setEdit] = useState<{ version: number | null; draft: Draft; saved?: boolean } | undefined>();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [save, setSave] = useState<ActionState<{ version: number }>>(idle);

  const view = data.state === 'ready' ? data.data : undefined;
  const current = view !== undefined && edit?.version === options.versionOf(view) ? edit : undefined;
  const draft = current?.draft ?? (view === undefined ? undefined : options.draftOf(view));

  const onEdit = (update: (draft: Draft) => Draft) => {
    if (view === undefined || draft === undefined) return;
    const next = update(draft);
    setEdit({ version: options.versionOf(view), draft: next });
    // Once a save showed errors, they follow the edits, so a fixed field loses its message at once.
    if (Object.keys(errors).length > 0) setErrors(options.validate(next).errors ?? {});
  };

  const onSave = () => {
    if (draft === undefined || data.state !== 'ready') return;
    const checked = options.validate(draft);
    if (checked.errors !== undefined) {
      setErrors(checked.errors);
      return;
    }
    const sent = checked.draft;
    setErrors({});
    setSave({ state: 'busy' });
    harborFetch(context, options.path, options.savedWire, {
      method: 'PUT',
      body: options.bodyOf(sent),
    }).then(
      (saved) => {
        setSave({ state: 'done', result: { version: saved.version } });
        setEdit({ version: options.versionOf(data.data), draft: sent, saved: true });
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
