import { Router } from 'express';

import type { AppDeps } from '../http/app-deps.ts';
import { requireHubSpotSignature } from '../http/middleware/require-hubspot-signature.ts';
import { parseInput } from '../http/parse-input.ts';
import { storeWebhookEvents } from '../store/repositories/webhook-events-repository.ts';
import { webhookBatchSchema } from './webhook-event-schema.ts';

/**
 * POST /webhooks/hubspot: checks the v3 signature, validates the whole batch, and stores it durably before
 * answering. HubSpot retries anything slower than 5 s, so processing happens later, never here.
 */
export function createWebhookIntakeRoutes(deps: AppDeps): Router {
  const router = Router();
  router.post(
    '/webhooks/hubspot',
    requireHubSpotSignature({
      clientSecret: deps.hubspotClientSecret,
      publicBaseUrl: deps.publicBaseUrl,
      accept: ['v3'],
      now: () => deps.now().getTime(),
    }),
    async (req, res) => {
      const events = parseInput(webhookBatchSchema, req.body);
      const result = await storeWebhookEvents(
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
      req.log.info({ ...result, events: events.length }, 'webhook batch stored');
      res.json(result);
    },
  );
  return router;
}
