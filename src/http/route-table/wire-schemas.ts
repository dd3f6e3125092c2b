import { z } from 'zod';

/**
 * Zod pieces shared by every route's request schema. Numbers in paths and queries are decimal digits only:
 * `z.coerce.number()` would also take `0x10`, ` 16`, `+16` and `1.6e1`, so two spellings could name one thing.
 */

const int4Max = 2_147_483_647;

/** A HubSpot portal id or user id: decimal digits, no sign, no leading zero, a safe integer. */
export const hubspotNumericId = z
  .string()
  .regex(/^[1-9]\d{0,15}$/, 'must be decimal digits (no sign, spaces or leading zeros)')
  .refine((text) => Number.isSafeInteger(Number(text)), 'is too large');

/** A HubSpot CRM object id (kept as text, as HubSpot's ids outgrow int8 in JSON). */
export const crmObjectId = z
  .string()
  .regex(/^[1-9]\d{0,19}$/, 'must be a HubSpot record id (decimal digits)');

/** A row id of ours (PostgreSQL integer): digits within int4, so a lookup never overflows the column. */
export const rowId = z
  .string()
  .regex(/^[1-9]\d{0,9}$/, 'must be a positive whole number')
  .transform(Number)
  .refine((id) => id <= int4Max, `must be at most ${int4Max}`);

/** A page size in the query: digits, 1..max, `fallback` when absent. */
export function pageLimit(max: number, fallback: number) {
  return z
    .string()
    .regex(/^[1-9]\d{0,5}$/, `must be a whole number from 1 to ${max}`)
    .transform(Number)
    .refine((limit) => limit <= max, `must be at most ${max}`)
    .optional()
    .transform((limit) => limit ?? fallback);
}

export const noParams = z.strictObject({});
export const noQuery = z.strictObject({});
/** hubspot.fetch may send no body or an empty object for a POST without input. */
export const noBody = z.union([z.undefined(), z.strictObject({})]);
