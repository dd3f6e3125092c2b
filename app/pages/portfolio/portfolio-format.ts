import { formatCurrency, formatDate, formatNumber, type FormatOptions, type Translate } from '@harbor/i18n';
import type { Tier } from '@harbor/wire';

/** What every portfolio section needs to speak the user's language. */
export interface Speech {
  t: Translate;
  format: FormatOptions;
}

/** The company's record in HubSpot (companies are object type 0-2), in the portal the page runs in. */
export function hubspotCompanyUrl(portalId: number, companyId: string): string {
  return `https://app.hubspot.com/contacts/${portalId}/record/0-2/${companyId}`;
}

export function companyName(company: { companyId: string; name: string | null }, t: Translate): string {
  return company.name ?? t('home.company.unnamed', { id: company.companyId });
}

export function tierName(tier: Tier | null, t: Translate): string {
  return tier === null ? t('home.tier.none') : t(`tier.${tier}`);
}

/** StatusTag's colours for the tiers, as the cards show them. */
export const tierVariant = {
  healthy: 'success',
  watch: 'warning',
  at_risk: 'danger',
} as const satisfies Record<Tier, 'success' | 'warning' | 'danger'>;

/**
 * A calendar day (YYYY-MM-DD) as a date: formatted in UTC, because the day is already the one HubSpot
 * stores, and shifting it into the portal's zone would show the day before west of Greenwich.
 */
export function formatDay(day: string, format: FormatOptions): string {
  return formatDate(`${day}T00:00:00.000Z`, { ...format, timeZone: 'UTC' });
}

/** An amount in the portal's company currency; the number alone while HubSpot has not said which that is. */
export function formatAmount(value: number | null, currency: string | null, { t, format }: Speech): string {
  if (value === null) return t('home.value.none');
  return currency === null ? formatNumber(value, format) : formatCurrency(value, currency, format);
}

export function formatScore(score: number | null, { t, format }: Speech): string {
  return score === null ? t('home.value.none') : formatNumber(score, format);
}
