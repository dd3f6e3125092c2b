import {
  createTranslator,
  formattingLocale,
  pickLanguage,
  type FormatOptions,
  type Language,
  type Translate,
} from '@harbor/i18n';
import { useMemo } from 'react';

import type { HarborContext } from './harbor-fetch.ts';

export interface LanguageTools {
  language: Language;
  t: Translate;
  /** Locale and the portal's time zone, for the @harbor/i18n formatters. */
  format: FormatOptions;
}

/** The HubSpot user's language (English when Harbor does not speak theirs) and how to format for them. */
export function useLanguage(context: HarborContext): LanguageTools {
  const { locale, language: userLanguage } = context.user;
  const timeZone = context.portal.timezone;
  return useMemo(() => {
    const language = pickLanguage({ locale, language: userLanguage });
    return {
      language,
      t: createTranslator(language),
      format: { locale: formattingLocale({ locale }, language), timeZone },
    };
  }, [locale, userLanguage, timeZone]);
}
