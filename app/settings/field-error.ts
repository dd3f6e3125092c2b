import type { Translate } from '@harbor/i18n';

import type { FieldErrors } from './model-draft.ts';

/** The error props of the field at `path` (`support.lookbackDays`, …): red with its message, or clean. */
export function fieldError(
  errors: FieldErrors,
  path: string,
  t: Translate,
): { error: boolean; validationMessage?: string } {
  const error = errors[path];
  return error === undefined
    ? { error: false }
    : { error: true, validationMessage: t(error.key, error.params) };
}
