import type { Message } from './define-messages.ts';
import type { Language } from './language.ts';

export type MessageParams = Readonly<Record<string, string | number>>;

/** Fills `{name}` placeholders; a missing parameter stays visible as `{name}` rather than vanishing. */
function fill(text: string, params: MessageParams): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function renderMessage(message: Message, language: Language, params: MessageParams = {}): string {
  if (typeof message === 'string') return fill(message, params);
  const count = typeof params.count === 'number' ? params.count : Number(params.count ?? 0);
  if (count === 0 && message.zero !== undefined) return fill(message.zero, params);
  const form = new Intl.PluralRules(language).select(count);
  return fill(message[form] ?? message.other, params);
}
