import { defineMessages } from '../define-messages.ts';

/** The home surface's texts. Keys start with `home.`. */
export const homeMessages = defineMessages({
  en: {},
  'pt-BR': {},
});
