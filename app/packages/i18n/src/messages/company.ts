import { defineMessages } from '../define-messages.ts';

/** The company surface's texts. Keys start with `company.`. */
export const companyMessages = defineMessages({
  en: {},
  'pt-BR': {},
});
