/**
 * Numbers, money and dates for the user's locale and the portal's time zone. Every function takes the
 * locale (and zone) explicitly, so what a screen shows depends on HubSpot's context, never on the machine.
 */

export interface FormatOptions {
  /** BCP 47 tag, e.g. `en-US`, `pt-BR`. */
  locale: string;
  /** IANA zone of the portal, e.g. `America/Sao_Paulo`. */
  timeZone: string;
}

export function formatNumber(value: number, { locale }: FormatOptions, fractionDigits = 0): string {
  return new Intl.NumberFormat(locale, {
    maximumFractionDigits: fractionDigits,
    minimumFractionDigits: fractionDigits,
  }).format(value);
}

/** `share` is a fraction (0.42 → "42%"). */
export function formatPercent(share: number, { locale }: FormatOptions, fractionDigits = 0): string {
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: fractionDigits,
    minimumFractionDigits: fractionDigits,
  }).format(share);
}

/** A signed change, e.g. "+4" or "−3" (a true minus sign, as HubSpot shows trends). */
export function formatChange(value: number, options: FormatOptions, fractionDigits = 0): string {
  const magnitude = formatNumber(Math.abs(value), options, fractionDigits);
  if (Number(magnitude.replace(/[^\d]/g, '')) === 0) return magnitude;
  return value > 0 ? `+${magnitude}` : `\u2212${magnitude}`;
}

export function formatCurrency(value: number, currency: string, { locale }: FormatOptions): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(
      value,
    );
  } catch {
    // An unknown currency code: the number with the code beside it, never an exception on screen.
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value)} ${currency}`;
  }
}

/** A moment (ISO time) as a date in the portal's zone, e.g. "3 Dec 2026" / "3 de dez. de 2026". */
export function formatDate(iso: string, { locale, timeZone }: FormatOptions): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(new Date(iso));
}

/** A moment with its time of day, in the portal's zone. */
export function formatDateTime(iso: string, { locale, timeZone }: FormatOptions): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    new Date(iso),
  );
}

/** The calendar day (YYYY-MM-DD) a moment falls on in a zone. */
export function dayInZone(time: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(time);
  const part = (type: string): string => parts.find((entry) => entry.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Whole calendar days from `now` (in the zone) to a YYYY-MM-DD day; negative when it has passed. */
export function daysUntil(day: string, now: Date, timeZone: string): number {
  const today = Date.parse(`${dayInZone(now, timeZone)}T00:00:00Z`);
  return Math.round((Date.parse(`${day.slice(0, 10)}T00:00:00Z`) - today) / 86_400_000);
}
