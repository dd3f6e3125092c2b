/**
 * HubSpot sends every property value as a string: numbers as decimals, dates as `YYYY-MM-DD`, datetimes as
 * ISO 8601 or epoch milliseconds depending on the API and the property. These read them leniently and say
 * "missing" (null) rather than guessing when a value cannot be read.
 */

export function readNumber(raw: string | null | undefined): number | null {
  if (raw === null || raw === undefined || raw.trim() === '') return null;
  const value = Number(raw);
  // "1e400", "Infinity" and "NaN" are not numbers a count or an amount can have; "-0" is plain zero (and
  // must not surface as "−0" in an explanation).
  if (!Number.isFinite(value)) return null;
  return value === 0 ? 0 : value;
}

const epochMsPattern = /^\d{11,14}$/;
const localDateTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/** A date or datetime property as epoch milliseconds; a datetime without an offset is UTC, as HubSpot means it. */
export function readTime(raw: string | null | undefined): number | null {
  if (raw === null || raw === undefined || raw === '') return null;
  if (epochMsPattern.test(raw)) return Number(raw);
  // Date.parse reads an offset-less datetime as local time, which would make scores depend on the server's zone.
  const value = Date.parse(localDateTimePattern.test(raw) ? `${raw}Z` : raw);
  return Number.isNaN(value) ? null : value;
}

export const DAY_MS = 86_400_000;

/** Whole and fractional days from `time` to `now` (never negative: a future timestamp reads as today). */
export function daysBefore(now: number, time: number): number {
  return Math.max(0, (now - time) / DAY_MS);
}

/** `value` to `decimals` places; a value too large to scale (above ~1e305) has no decimals left and stays. */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = value * factor;
  // Without this, roundTo(1e307, 2) would be Infinity: a finite value in must stay finite out.
  return Number.isFinite(scaled) ? Math.round(scaled) / factor : value;
}

/**
 * A value from a lookup table keyed by free text (a property value, a ticket priority): own keys only, so a
 * value such as "constructor" or "toString" reads as not listed rather than as an Object.prototype method.
 */
export function lookUp<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
