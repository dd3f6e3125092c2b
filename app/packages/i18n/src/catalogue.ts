import type { Message } from './define-messages.ts';
import { languages, type Language } from './language.ts';
import { cohortMessages } from './messages/cohorts.ts';
import { commonMessages } from './messages/common.ts';
import { companyMessages } from './messages/company.ts';
import { digestMessages } from './messages/digest.ts';
import { handoffMessages } from './messages/handoffs.ts';
import { homeMessages } from './messages/home.ts';
import { npsMessages } from './messages/nps.ts';
import { playbookMessages } from './messages/playbooks.ts';
import { reportAlertMessages } from './messages/report-alerts.ts';
import { retentionMessages } from './messages/retention.ts';
import { reviewMessages } from './messages/review.ts';
import { settingsMessageParts } from './messages/settings/index.ts';
import { signalMessages } from './messages/signals.ts';
import { renderMessage, type MessageParams } from './translate.ts';

/** Every surface's messages; a surface adds its file here. */
const parts = [
  commonMessages,
  companyMessages,
  ...settingsMessageParts,
  homeMessages,
  signalMessages,
  playbookMessages,
  reviewMessages,
  cohortMessages,
  reportAlertMessages,
  retentionMessages,
  handoffMessages,
  npsMessages,
  digestMessages,
] as const;

type KeysOf<Part> = Part extends { en: Record<infer Keys, Message> } ? Keys : never;
export type MessageKey = KeysOf<(typeof parts)[number]>;

function merge(language: Language): Readonly<Record<MessageKey, Message>> {
  const merged: Record<string, Message> = {};
  for (const part of parts) {
    for (const [key, message] of Object.entries(part[language] as Record<string, Message>)) {
      if (key in merged) throw new Error(`message ${key} is defined twice`);
      merged[key] = message;
    }
  }
  return merged as Record<MessageKey, Message>;
}

/** The whole catalogue per language (the catalogue test walks it). */
export const catalogue: Readonly<Record<Language, Readonly<Record<MessageKey, Message>>>> =
  Object.fromEntries(languages.map((language) => [language, merge(language)])) as Record<
    Language,
    Record<MessageKey, Message>
  >;

export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** `t(key, params)` in one language (every language has every key: the types and the catalogue test say so). */
export function createTranslator(language: Language): Translate {
  const messages = catalogue[language];
  return (key, params) => renderMessage(messages[key], language, params);
}
