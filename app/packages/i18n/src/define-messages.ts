import type { Language } from './language.ts';

/**
 * One message: a text with `{name}` placeholders, or plural forms chosen by the `count` parameter with
 * Intl.PluralRules (`other` is required; `zero` is used for 0 when given, whatever the language's rules).
 */
export type Message =
  string | { zero?: string; one?: string; two?: string; few?: string; many?: string; other: string };

/**
 * A surface's messages in every language. Portuguese must have exactly English's keys (the type says so;
 * the catalogue test checks it again at run time, with no empty texts).
 */
export type MessageSet<Keys extends string> = { en: Record<Keys, Message> } & Record<
  Exclude<Language, 'en'>,
  Record<Keys, Message>
>;

export function defineMessages<const Keys extends string>(set: MessageSet<Keys>): MessageSet<Keys> {
  return set;
}
