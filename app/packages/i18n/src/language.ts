/** The languages Harbor's UI speaks; English is the fallback for every other locale. */
export const languages = ['en', 'pt-BR'] as const;
export type Language = (typeof languages)[number];

/**
 * The HubSpot user's language from `context.user.locale` (e.g. `pt-br`, `pt_BR`, `en-us`) or, failing that,
 * `context.user.language`. Any Portuguese becomes pt-BR (the only Portuguese we ship); anything else English.
 */
export function pickLanguage(user: { locale?: string | undefined; language?: string | undefined }): Language {
  const tag = (user.locale ?? user.language ?? '').trim().toLowerCase().replace('_', '-');
  return tag === 'pt' || tag.startsWith('pt-') ? 'pt-BR' : 'en';
}

/** The BCP 47 tag for Intl formatting: the user's own locale when it is one, else the language's. */
export function formattingLocale(user: { locale?: string | undefined }, language: Language): string {
  const tag = user.locale?.trim().replace('_', '-');
  if (tag !== undefined && tag !== '') {
    try {
      return Intl.getCanonicalLocales(tag)[0] ?? language;
    } catch {
      return language;
    }
  }
  return language === 'en' ? 'en-US' : 'pt-BR';
}
