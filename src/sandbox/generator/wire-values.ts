/** HubSpot's wire form for generated values, with caches so a large portal shares repeated strings. */

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

const smallIntegers: string[] = [];
const SMALL_INTEGER_LIMIT = 100_000;

/** A number as HubSpot sends it: a decimal string; small integers share one string each. */
export function wireNumber(value: number): string {
  if (Number.isInteger(value) && value >= 0 && value < SMALL_INTEGER_LIMIT) {
    return (smallIntegers[value] ??= String(value));
  }
  return String(value);
}

const dates = new Map<number, string>();

/** A date property's value: `YYYY-MM-DD` of the UTC day holding `ms` (HubSpot stores dates at UTC midnight). */
export function wireDate(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  let text = dates.get(day);
  if (text === undefined) {
    text = new Date(day * DAY_MS).toISOString().slice(0, 10);
    dates.set(day, text);
  }
  return text;
}

const timesOfDay = new Map<number, string>();
/** Year 10000: from there on toISOString writes six-digit years. */
const FOUR_DIGIT_YEARS_END = 253_402_300_800_000;

/**
 * A datetime property's value: full ISO 8601 in UTC with milliseconds, as HubSpot returns it. Whole minutes
 * (most generated times) are joined from the cached day and time of day: the same text as toISOString, made
 * far faster and sharing its parts.
 */
export function wireDateTime(ms: number): string {
  const timeOfDay = ms - Math.floor(ms / DAY_MS) * DAY_MS;
  if (timeOfDay % 60_000 !== 0 || ms < 0 || ms >= FOUR_DIGIT_YEARS_END) return new Date(ms).toISOString();
  let suffix = timesOfDay.get(timeOfDay);
  if (suffix === undefined) {
    suffix = new Date(timeOfDay).toISOString().slice(10);
    timesOfDay.set(timeOfDay, suffix);
  }
  return wireDate(ms) + suffix;
}

export function wireBoolean(value: boolean): 'true' | 'false' {
  return value ? 'true' : 'false';
}

/** UTC midnight at or before `ms`. */
export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** The same calendar day `years` later (or earlier) in UTC; 29 February rolls over to 1 March. */
export function addUtcYears(ms: number, years: number): number {
  const date = new Date(ms);
  return Date.UTC(
    date.getUTCFullYear() + years,
    date.getUTCMonth(),
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
  );
}
