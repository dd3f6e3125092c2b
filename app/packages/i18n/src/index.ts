export { catalogue, createTranslator, type MessageKey, type Translate } from './catalogue.ts';
export { defineMessages, type Message, type MessageSet } from './define-messages.ts';
export * from './format.ts';
export { formattingLocale, languages, pickLanguage, type Language } from './language.ts';
export { renderMessage, type MessageParams } from './translate.ts';
