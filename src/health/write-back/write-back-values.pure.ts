import type { HealthDriver, HealthResult } from '../health-types.ts';
import { harborProperty, type HarborPropertyName } from './harbor-company-properties.ts';

/** Every Harbor company property's value, as the string HubSpot stores ('' clears a value). */
export type HarborPropertyValues = Record<HarborPropertyName, string>;

const maxDriverLength = 200;
const maxValueLength = 60;
const minus = '\u2212';

/** Half away from zero, so −2.5 and 2.5 round alike; never −0. */
function roundHalfAway(value: number, decimals = 0): number {
  const scale = 10 ** decimals;
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * scale)) / scale;
  return rounded === 0 ? 0 : rounded;
}

function roundedInteger(value: number): string {
  return String(roundHalfAway(value));
}

/** At most one decimal, none when whole, with a typographic minus. */
function shortNumber(value: number): string {
  const text = String(roundHalfAway(value, 1));
  return text.startsWith('-') ? `${minus}${text.slice(1)}` : text;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

const percentIndicators = new Set(['seat_utilisation', 'login_trend', 'urgent_share']);
const dayIndicators = new Set([
  'days_since_last_activity',
  'days_past_due',
  'days_since_csm_touch',
  'days_since_meeting',
  'days_since_reply',
]);

/** The driver's raw value in its unit: ratios as percentages, ages in days, time to close against the SLA. */
function driverValue(driver: HealthDriver): string {
  const { value } = driver;
  if (value === null || (typeof value === 'number' && !Number.isFinite(value))) return 'no data';
  if (typeof value === 'string') return truncate(value.trim(), maxValueLength);
  if (percentIndicators.has(driver.indicator)) return `${shortNumber(roundHalfAway(value * 100))}%`;
  if (dayIndicators.has(driver.indicator)) {
    const days = shortNumber(roundHalfAway(value));
    // A label such as "Days since last activity" already names the unit.
    if (/\bdays?\b/i.test(driver.label)) return days;
    return `${days} ${days === '1' ? 'day' : 'days'}`;
  }
  if (driver.indicator === 'time_to_close_vs_sla') {
    // An open ticket's ratio grows with the clock; whole multiples past 3× keep the text (and the write-back)
    // from changing at every rescoring.
    return `${shortNumber(value >= 3 ? Math.round(value) : value)}× SLA`;
  }
  return shortNumber(value);
}

/**
 * A short human text for the top driver: label, value in its unit and the points it costs, e.g.
 * "Seat utilisation 31% (−12 pts)"; at most 200 characters. Ratios are expected as fractions (0.31 → 31%).
 */
export function describeDriver(driver: HealthDriver): string {
  const lost = Number.isFinite(driver.pointsLost) ? roundHalfAway(Math.max(0, driver.pointsLost)) : 0;
  const cost = lost === 0 ? '' : ` (${minus}${lost} ${lost === 1 ? 'pt' : 'pts'})`;
  const head = truncate(`${driver.label.trim()} ${driverValue(driver)}`, maxDriverLength - cost.length);
  return `${head}${cost}`;
}

/**
 * The values to hold in HubSpot for one scored company. Without a score, score, tier, trend and driver are
 * empty (clearing what an earlier score wrote); confidence and model version still say why.
 */
export function toWriteBackValues(
  result: HealthResult,
  modelVersion: number,
  computedAtMs: number,
): HarborPropertyValues {
  const scored = result.score !== null;
  const trend = result.trend.d30;
  return {
    [harborProperty.score]: result.score === null ? '' : roundedInteger(result.score),
    [harborProperty.tier]: scored ? (result.tier ?? '') : '',
    [harborProperty.trend30d]: scored && trend !== null ? roundedInteger(trend) : '',
    [harborProperty.topDriver]: scored && result.topDriver !== null ? describeDriver(result.topDriver) : '',
    [harborProperty.confidence]: roundedInteger(Math.min(100, Math.max(0, result.confidence))),
    // HubSpot answers date-times in ISO 8601 with milliseconds, whatever form they were written in.
    [harborProperty.computedAt]: new Date(computedAtMs).toISOString(),
    [harborProperty.modelVersion]: String(modelVersion),
  };
}

/**
 * What to send for a company: the values that differ from what Harbor last wrote, plus computed_at, which
 * never counts as a change by itself (a fresh time every run would rewrite every company every run). Empty
 * means skip the company. With nothing recorded (never written), everything is sent, empty values included.
 */
export function changedValues(
  previous: Readonly<Record<string, string>> | undefined,
  next: Partial<HarborPropertyValues>,
): Partial<HarborPropertyValues> {
  if (previous === undefined) return { ...next };
  const changed: Partial<HarborPropertyValues> = {};
  for (const [name, value] of Object.entries(next) as [HarborPropertyName, string][]) {
    // A property never written holds no value in HubSpot, which is what '' means.
    if (name !== harborProperty.computedAt && (previous[name] ?? '') !== value) changed[name] = value;
  }
  const computedAt = next[harborProperty.computedAt];
  if (Object.keys(changed).length === 0 || computedAt === undefined) return changed;
  return { ...changed, [harborProperty.computedAt]: computedAt };
}

/** The Harbor properties HubSpot stores as numbers; it refuses the whole company for "NaN" in one of them. */
const numericProperties: ReadonlySet<string> = new Set([
  harborProperty.score,
  harborProperty.trend30d,
  harborProperty.confidence,
  harborProperty.modelVersion,
]);

const finiteDecimal = /^-?\d+(?:\.\d+)?$/;

/**
 * The last guard before HubSpot: a numeric property holding anything but '' (clear) or a finite decimal
 * ("NaN", "Infinity", from a result that went wrong upstream) is left out, so HubSpot keeps the value it has
 * and the rest of the company's values still go. The caller logs what was skipped.
 */
export function withoutNonFinite(values: HarborPropertyValues): {
  values: Partial<HarborPropertyValues>;
  skipped: HarborPropertyName[];
} {
  const kept: Partial<HarborPropertyValues> = {};
  const skipped: HarborPropertyName[] = [];
  for (const [name, value] of Object.entries(values) as [HarborPropertyName, string][]) {
    if (numericProperties.has(name) && value !== '' && !finiteDecimal.test(value)) skipped.push(name);
    else kept[name] = value;
  }
  return { values: kept, skipped };
}
