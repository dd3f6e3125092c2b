import { z } from 'zod';

/**
 * A list parameter. HubSpot declares `properties`, `propertiesWithHistory` and `associations` as
 * `style: form, explode: true` arrays (the SDK repeats the key), and also accepts comma-separated values;
 * both forms may be mixed.
 */
export const listParam = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => {
    if (value === undefined) return undefined;
    const parts = (Array.isArray(value) ? value : [value]).flatMap((item) => item.split(','));
    const names = parts.map((part) => part.trim()).filter((part) => part !== '');
    return [...new Set(names)];
  });

/** `true`/`false` (any case), defaulting to false as HubSpot's `archived` does. */
export const booleanParam = z
  .string()
  .optional()
  .transform((value) => value?.toLowerCase())
  .pipe(z.enum(['true', 'false']).optional())
  .transform((value) => value === 'true');

/** A page size: an integer from 1 to `max`, `fallback` when absent. */
export function limitParam(fallback: number, max: number): z.ZodType<number, string | undefined> {
  return z
    .string()
    .regex(/^\d+$/, 'limit must be a whole number')
    .optional()
    .transform((value) => (value === undefined ? fallback : Number(value)))
    .pipe(z.number().int().min(1).max(max, `limit may be at most ${max}`));
}

/** An offset cursor (`after`) as used where HubSpot's cursor is a position: a non-negative integer string. */
export const offsetParam = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value === '' ? '0' : value))
  .pipe(z.string().regex(/^\d+$/, 'after must be a paging cursor from an earlier answer'))
  .transform(Number);

export const optionalString = z.string().optional();
