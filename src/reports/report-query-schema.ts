import { reportPeriods, segmentNameSchema } from '@harbor/wire';
import { z } from 'zod';

/** A calendar day as YYYY-MM-DD, refused when no such day exists (2026-02-30). */
export const isoDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'a real calendar date');

export const ownerIdSchema = z.string().regex(/^\d{1,20}$/, 'a HubSpot owner id (digits)');

/** `harbor report`'s filters, also the report routes' query parameters (the owner as `ownerId`). */
export const reportQueryFields = {
  period: z.enum(reportPeriods).default('quarter'),
  segment: segmentNameSchema.optional(),
  from: isoDaySchema.optional(),
  to: isoDaySchema.optional(),
  ownerId: ownerIdSchema.optional(),
};

export function fromNotAfterTo(query: { from?: string | undefined; to?: string | undefined }): boolean {
  return query.from === undefined || query.to === undefined || query.from <= query.to;
}

export const reportQuerySchema = z
  .strictObject(reportQueryFields)
  .refine(fromNotAfterTo, { message: 'from must not be after to', path: ['from'] });
