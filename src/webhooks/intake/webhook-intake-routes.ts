import { z } from 'zod';

import type { AppDeps } from '../../http/app-deps.ts';
import { defineRoute, type RouteSpec } from '../../http/route-table/route-spec.ts';
import { noParams, noQuery } from '../../http/route-table/wire-schemas.ts';
import { intakeWebhookBatch } from './intake-webhook-batch.ts';

export const webhookIntakeWire = z.strictObject({
  stored: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
});

/** One event of HubSpot's documented shape, for the security walk's valid request. */
const exampleEvent = {
  eventId: 100,
  subscriptionId: 1,
  portalId: 9000001,
  appId: 1,
  occurredAt: Date.UTC(2026, 0, 1),
  subscriptionType: 'company.propertyChange',
  attemptNumber: 0,
  objectId: 1001,
  propertyName: 'name',
  propertyValue: 'Acme',
  changeSource: 'CRM',
};

/**
 * POST /webhooks/hubspot: HubSpot's webhook deliveries (v3-signed). The body is a batch in which each event
 * names its own portal, so the identity is per event (`signed-body`) and the batch's events are checked one
 * by one by intakeWebhookBatch: the good ones stored durably before the answer, the bad ones recorded as
 * rejected. HubSpot retries anything slower than 5 s, so processing happens later, never here; redeliveries
 * dedupe by event id, which is why the route is idempotent rather than replay-refused.
 */
export function webhookIntakeRoutes(deps: AppDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'POST',
      path: '/webhooks/hubspot',
      summary: "HubSpot's webhook deliveries: good events stored, bad ones recorded as rejected",
      auth: { kind: 'hubspot', versions: ['v3'] },
      identity: { kind: 'signed-body' },
      effect: 'idempotent',
      params: noParams,
      query: noQuery,
      // Checked event by event in the handler: one malformed event must not cost the batch.
      body: z.unknown(),
      itemChecks: { refusalsTable: 'webhook_rejections' },
      response: webhookIntakeWire,
      example: { body: [exampleEvent] },
      async handler({ body, log }) {
        const { stored, duplicates, rejected } = await intakeWebhookBatch(
          { db: deps.db, now: deps.now, logger: log, notify: deps.onWebhookEventsStored },
          body,
        );
        log.info({ stored, duplicates, rejected }, 'webhook batch stored');
        return { kind: 'json', body: { stored, duplicates, rejected } };
      },
    }),
  ];
}
