import { formatCurrency, formatNumber } from '@harbor/i18n';
import type { DigestQuoteWire, DigestThemeWire } from '@harbor/wire';

import type { Speech } from '../portfolio/portfolio-format.ts';

/** "2026-11" as the month's name in the user's language, e.g. "November 2026" / "novembro de 2026". */
export function monthName(month: string, { format }: Speech): string {
  return new Intl.DateTimeFormat(format.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00.000Z`),
  );
}

export function contractValueText(theme: DigestThemeWire, currency: string | null, speech: Speech): string {
  const amount =
    currency === null
      ? formatNumber(theme.contractValue, speech.format)
      : formatCurrency(theme.contractValue, currency, speech.format);
  if (theme.companiesWithoutValue === 0) return amount;
  return `${amount} (${speech.t('digest.withoutValue', { count: theme.companiesWithoutValue })})`;
}

export function trendText(theme: DigestThemeWire, { t }: Speech): string {
  return t(`digest.trend.${theme.trend}`, { previous: theme.previousCount });
}

export function quoteText(quote: DigestQuoteWire, { t }: Speech): string {
  return t('digest.quote', {
    text: quote.text,
    company: quote.companyName ?? t('digest.quote.unknownCompany'),
    source: t(`digest.source.${quote.source}`),
  });
}
