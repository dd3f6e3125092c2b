import { describe, expect, it } from 'vitest';

import { catalogue, createTranslator } from './catalogue.ts';
import type { Message } from './define-messages.ts';
import { languages, pickLanguage } from './language.ts';

const texts = (message: Message): string[] =>
  typeof message === 'string' ? [message] : Object.values(message);
const placeholders = (message: Message): string[] =>
  [
    ...new Set(
      texts(message).flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '')),
    ),
  ].sort();

describe('the message catalogue', () => {
  it('when a key exists in one language, then it exists in every language, with a text and the same placeholders', () => {
    const english = catalogue.en;
    for (const language of languages) {
      const messages = catalogue[language];
      expect(Object.keys(messages).sort(), language).toEqual(Object.keys(english).sort());
      for (const [key, message] of Object.entries(messages)) {
        for (const text of texts(message)) expect(text.trim(), `${language} ${key}`).not.toBe('');
        expect(placeholders(message), `${language} ${key}`).toEqual(
          placeholders(english[key as keyof typeof english]),
        );
      }
    }
  });

  it('when a Portuguese user opens Harbor, then the texts are Portuguese; any other locale gets English', () => {
    expect(pickLanguage({ locale: 'pt-br' })).toBe('pt-BR');
    expect(pickLanguage({ locale: 'pt_BR' })).toBe('pt-BR');
    expect(pickLanguage({ language: 'pt' })).toBe('pt-BR');
    expect(pickLanguage({ locale: 'de-de' })).toBe('en');
    expect(pickLanguage({})).toBe('en');
    expect(createTranslator('pt-BR')('tier.at_risk')).toBe('Em risco');
    expect(createTranslator('en')('state.error.generic', { code: 'X' })).toContain('(X)');
  });
});
