import { z } from 'zod';

/**
 * What the intake accepts, per batch and per event. HubSpot's own events sit far inside these: a batch holds
 * up to 100 events, an event is a flat object of a dozen fields, and its longest field (`propertyValue`) is at
 * most 65,536 characters. Anything outside them is refused event by event, never the whole batch.
 */
export const webhookIntakeBounds = {
  /** More than this in one body is refused whole (400): no HubSpot delivery is that large. */
  maxEventsPerBatch: 1_000,
  /** Nesting levels of one event, the event object itself being level 1 (PostgreSQL's jsonb has limits). */
  maxDepth: 32,
  /** One event serialised as JSON, in UTF-16 code units: twice the longest property value. */
  maxEventChars: 131_072,
  maxSubscriptionTypeLength: 100,
  maxEventIdDigits: 32,
  /** Earliest accepted `occurredAt`: 2000-01-01T00:00:00Z, long before HubSpot existed. */
  earliestOccurredAtMs: Date.UTC(2000, 0, 1),
  /** Latest accepted `occurredAt`, past the moment of receipt: a day of clock skew, no more. */
  maxFutureMs: 24 * 60 * 60 * 1000,
} as const;

/** HubSpot's object ids are int8 in HubSpot itself: digits, at most this. */
const maxObjectId = 9_223_372_036_854_775_807n;

/** An id HubSpot may send as a number or as a string; kept as text. Numbers must be exact (safe) integers. */
function decimalId(check: (digits: string) => boolean, message: string) {
  return z
    .union([z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).transform(String), z.string()], {
      error: message,
    })
    .refine((value) => /^[0-9]+$/.test(value) && check(value), { error: message });
}

export const webhookEventIdSchema = decimalId(
  (digits) => digits.length <= webhookIntakeBounds.maxEventIdDigits,
  `must be 1 to ${webhookIntakeBounds.maxEventIdDigits} decimal digits`,
);

const objectIdSchema = decimalId(
  (digits) => digits.length <= 19 && BigInt(digits) <= maxObjectId,
  'must be decimal digits within HubSpot’s id range',
);

export const webhookPortalIdSchema = z
  .number({ error: 'must be a positive integer' })
  .int({ error: 'must be a positive integer' })
  .positive({ error: 'must be a positive integer' })
  .max(Number.MAX_SAFE_INTEGER, { error: 'must be a positive integer' });

/**
 * One event of a HubSpot webhook delivery, checked against the moment it was received (`occurredAt` must be a
 * sane time). Only the fields Harbor relies on are checked; the rest of the event is kept verbatim in the
 * stored payload. Callers check depth, size and string contents first (webhook-event-checks.pure.ts).
 */
export function webhookEventSchema(receivedAt: Date) {
  const latestMs = receivedAt.getTime() + webhookIntakeBounds.maxFutureMs;
  const occurredAtMessage = 'must be epoch milliseconds from 2000 up to a day after receipt';
  return z.looseObject({
    eventId: webhookEventIdSchema,
    portalId: webhookPortalIdSchema,
    occurredAt: z
      .number({ error: occurredAtMessage })
      .int({ error: occurredAtMessage })
      .min(webhookIntakeBounds.earliestOccurredAtMs, { error: occurredAtMessage })
      .max(latestMs, { error: occurredAtMessage }),
    subscriptionType: z
      .string({ error: 'must be a string' })
      .min(1, { error: 'must not be empty' })
      .max(webhookIntakeBounds.maxSubscriptionTypeLength, {
        error: `must be at most ${webhookIntakeBounds.maxSubscriptionTypeLength} characters`,
      })
      .regex(/^[A-Za-z0-9_.-]+$/, { error: 'must be letters, digits, dots, dashes or underscores' }),
    objectId: objectIdSchema.optional(),
    attemptNumber: z.number().int().nonnegative().optional(),
  });
}

export type WebhookEvent = z.infer<ReturnType<typeof webhookEventSchema>>;
