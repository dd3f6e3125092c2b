import { z } from 'zod';

/**
 * Domain limits. A model comes from the settings page, from calibration or from the stored history, and
 * computeHealth sums and divides whatever it holds for every company, so every number is finite and bounded
 * and every list is short. Messages name what is allowed: the admin reads them beside the field
 * (`segments.SMB.weights.nps: a weight from 0 to 100`).
 */

/**
 * Weights are relative: computeHealth divides each by its segment's total, so only their ratios count, and
 * the default and calibrated weights sum to 100 per segment (calibration rescales to 100). No single weight
 * needs to exceed 100, and 60 weights × 100 points stay far from overflowing a double, which a weight of
 * 1e308 did (Infinity / Infinity made 1,181 of 3,000 scores NaN).
 */
export const maxWeight = 100;
/** Built-in indicators plus custom ones, with room for stale keys of removed custom indicators. */
export const maxWeightsPerSegment = 60;
export const maxSegments = 20;
export const maxCustomIndicators = 20;
/** Breakpoints per curve: a curve is drawn point by point in the settings page; 20 bend it anywhere. */
export const maxCurvePoints = 20;
/** Values per points table or segment map (enumeration options, invoice statuses). */
export const maxTableEntries = 100;
/**
 * Curve breakpoints and segment bands compare raw property values: ratios, days, counts, contract values in
 * cents. ±10¹² covers those, and keeps the difference of two breakpoints (a curve's divisor) finite.
 */
export const maxRawValue = 1e12;
/** A property value used as a table key (HubSpot enumeration option values are short). */
export const maxValueLength = 200;

/** A finite number within [min, max], whose messages say which range is allowed. */
export function boundedNumber(min: number, max: number, what: string) {
  const allowed = `${what} from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}`;
  return z.number({ error: allowed }).min(min, allowed).max(max, allowed);
}

/** A record of at most `max` entries, each key a string of at most `maxValueLength` characters. */
export function boundedRecord<Value extends z.ZodType>(value: Value, max: number, what: string) {
  return z
    .record(z.string().max(maxValueLength), value, {
      error: (issue) =>
        issue.code === 'invalid_key' ? `a value of at most ${maxValueLength} characters` : undefined,
    })
    .refine((record) => Object.keys(record).length <= max, `at most ${max} ${what}`);
}

/** HubSpot internal property names: lowercase letters, digits and underscores, starting with a letter. */
export const propertyNameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,99}$/, 'a HubSpot property name (lowercase letters, digits, _)');

export const pointsSchema = boundedNumber(0, 100, 'points');
