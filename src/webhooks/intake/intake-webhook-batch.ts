import type { Kysely } from 'kysely';

import { AppError } from '../../shared/errors/app-error.ts';
import type { Logger } from '../../shared/logger.ts';
import type { Database } from '../../store/database-schema.ts';
import { storeWebhookEvents } from '../../store/repositories/webhook-events-repository.ts';
import {
  storeWebhookRejections,
  type WebhookRejection,
} from '../../store/repositories/webhook-rejections-repository.ts';
import { checkWebhookEvent } from './webhook-event-checks.pure.ts';
import { webhookIntakeBounds, type WebhookEvent } from './webhook-event-schema.ts';

export interface WebhookIntakeDeps {
  db: Kysely<Database>;
  now: () => Date;
  logger: Logger;
  /**
   * Told the portals whose events were just stored (committed), so processing starts at once instead of at
   * the next sweep. Must not throw or block: the answer to HubSpot waits for it.
   */
  notify?: ((portalIds: readonly number[]) => void) | undefined;
}

export interface WebhookIntakeResult {
  /** Events stored for the first time. */
  stored: number;
  /** Valid events already stored by an earlier delivery (HubSpot delivers at least once). */
  duplicates: number;
  /** Events recorded as rejected (webhook_rejections), each with its reason. */
  rejected: number;
  /** Portals of the valid events, stored now or before, each once. */
  portalIds: number[];
}

/**
 * Takes one delivery from HubSpot, already verified as HubSpot's: every valid event is stored durably, every
 * invalid one is recorded with its reason, and the processor is told. One bad event must not cost the good
 * ones: refusing the batch only makes HubSpot retry it until it gives up and drops all of them. So the batch
 * is refused (VALIDATION_FAILED) only when it is no batch at all: not an array, empty, too long, or holding
 * no object. No Express here, so any route table (or a test) can call it.
 */
export async function intakeWebhookBatch(
  deps: WebhookIntakeDeps,
  body: unknown,
): Promise<WebhookIntakeResult> {
  const items = batchItems(body);
  const receivedAt = deps.now();
  const events: WebhookEvent[] = [];
  const rejections: WebhookRejection[] = [];
  for (const item of items) {
    const verdict = checkWebhookEvent(item, receivedAt);
    if (verdict.isAccepted) events.push(verdict.event);
    else {
      const { portalId, eventId, reason, payload } = verdict;
      rejections.push({ portalId, eventId, reason, payload, receivedAt });
    }
  }

  const { stored, duplicates } = await storeWebhookEvents(
    deps.db,
    events.map((event) => ({
      portalId: event.portalId,
      eventId: event.eventId,
      subscriptionType: event.subscriptionType,
      objectId: event.objectId ?? null,
      occurredAt: new Date(event.occurredAt),
      payload: event,
    })),
  );
  const portalIds = [...new Set(events.map((event) => event.portalId))];
  // Duplicates count too: an earlier delivery may have been stored by an instance that died before telling.
  if (portalIds.length > 0) tellProcessor(deps, portalIds);
  await recordRejections(deps, rejections);
  return { stored, duplicates, rejected: rejections.length, portalIds };
}

/** The events are safe in the store: a faulty listener must not turn that into a 500 (and a resend). */
function tellProcessor(deps: WebhookIntakeDeps, portalIds: readonly number[]): void {
  try {
    deps.notify?.(portalIds);
  } catch (error) {
    deps.logger.error({ err: error, portalIds }, 'the webhook processor could not be told of stored events');
  }
}

function batchItems(body: unknown): readonly unknown[] {
  if (!Array.isArray(body)) throw refused('a webhook delivery must be a JSON array of events');
  if (body.length === 0) throw refused('a webhook delivery must hold at least one event');
  if (body.length > webhookIntakeBounds.maxEventsPerBatch) {
    throw refused(`a webhook delivery may hold at most ${webhookIntakeBounds.maxEventsPerBatch} events`);
  }
  if (!body.some((item) => typeof item === 'object' && item !== null && !Array.isArray(item))) {
    throw refused('a webhook delivery must be a JSON array of event objects');
  }
  return body;
}

function refused(message: string): AppError {
  return new AppError('VALIDATION_FAILED', message);
}

/**
 * The good events are stored by now; failing to record the bad ones must not make HubSpot resend (and so
 * re-deliver) the whole batch, so a failure here is logged, not thrown.
 */
async function recordRejections(
  deps: WebhookIntakeDeps,
  rejections: readonly WebhookRejection[],
): Promise<void> {
  if (rejections.length === 0) return;
  for (const rejection of rejections) {
    deps.logger.warn(
      { portalId: rejection.portalId, eventId: rejection.eventId, reason: rejection.reason },
      'webhook event rejected',
    );
  }
  try {
    await storeWebhookRejections(deps.db, rejections);
  } catch (error) {
    deps.logger.error(
      { err: error, rejected: rejections.length },
      'could not record rejected webhook events',
    );
  }
}
