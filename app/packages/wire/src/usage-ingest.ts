import { z } from 'zod';

import { isoTimeWire } from './health-score.ts';

/**
 * Usage ingest: the keys a customer's product pushes daily usage with (settings "Usage data" tab), and the
 * 90-day usage series the company card charts. A key is shown once, when it is created; afterwards only its
 * prefix, so an admin can tell which key a product uses.
 */

export const maxIngestKeyNameLength = 80;
export const maxIngestKeys = 50;

export const ingestKeyWire = z.strictObject({
  id: z.number().int().positive(),
  name: z.string(),
  /** The key's first characters, e.g. `hik_3fa9c2`. */
  prefix: z.string(),
  createdBy: z.string(),
  createdAt: isoTimeWire,
  revokedAt: isoTimeWire.nullable(),
});
export type IngestKeyWire = z.infer<typeof ingestKeyWire>;

export const ingestKeyListWire = z.strictObject({ keys: z.array(ingestKeyWire).max(maxIngestKeys) });
export type IngestKeyListWire = z.infer<typeof ingestKeyListWire>;

/** A name of a few characters at least, so that keys can be told apart (e.g. "Product usage export"). */
export const ingestKeyCreateWire = z.strictObject({
  name: z.string().trim().min(3, 'a name of at least 3 characters').max(maxIngestKeyNameLength),
});
export type IngestKeyCreateWire = z.infer<typeof ingestKeyCreateWire>;

/** The one answer that carries the key itself. */
export const ingestKeyCreatedWire = z.strictObject({ key: ingestKeyWire, secret: z.string() });
export type IngestKeyCreatedWire = z.infer<typeof ingestKeyCreatedWire>;

export const usagePointWire = z.strictObject({
  date: z.iso.date(),
  activeUsers: z.number().nullable(),
  logins: z.number().nullable(),
  minutes: z.number().nullable(),
});
export type UsagePointWire = z.infer<typeof usagePointWire>;

/** Days with ingested usage in the last 90, oldest first; `seats` is the latest reported. */
export const usageSeriesWire = z.strictObject({
  points: z.array(usagePointWire).max(91),
  seats: z.number().nullable(),
});
export type UsageSeriesWire = z.infer<typeof usageSeriesWire>;
