import { defineMessages } from '../define-messages.ts';

/** The settings surface's texts. Keys start with `settings.`. */
export const settingsMessages = defineMessages({
  en: {},
  'pt-BR': {},
});
