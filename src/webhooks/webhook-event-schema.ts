import { z } from 'zod';

const hubspotId = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/)]).transform(String);

/**
 * One event of a HubSpot webhook delivery. Only the fields Harbor relies on are required; the rest of the
 * event is kept verbatim in the stored payload.
 */
export const webhookEventSchema = z.looseObject({
  eventId: hubspotId,
  portalId: z.number().int().positive(),
  occurredAt: z.number().int().nonnegative(),
  subscriptionType: z.string().min(1).max(100),
  objectId: hubspotId.optional(),
  attemptNumber: z.number().int().nonnegative().optional(),
});

/** HubSpot sends a JSON array of events per request. */
export const webhookBatchSchema = z.array(webhookEventSchema).min(1).max(1000);

export type WebhookEvent = z.infer<typeof webhookEventSchema>;
