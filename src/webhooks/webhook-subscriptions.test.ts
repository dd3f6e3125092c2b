import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { planWebhookBatch } from './processor/webhook-event-plan.pure.ts';
import { webhookSubscribedProperties } from './processor/webhook-properties.pure.ts';

const subscription = z.strictObject({
  subscriptionType: z.string(),
  objectType: z.string().optional(),
  propertyName: z.string().optional(),
  active: z.boolean(),
});
const webhooksMeta = z.strictObject({
  uid: z.string(),
  type: z.literal('webhooks'),
  config: z.strictObject({
    settings: z.strictObject({ targetUrl: z.string(), maxConcurrentRequests: z.number().int() }),
    subscriptions: z.strictObject({
      crmObjects: z.array(subscription),
      legacyCrmObjects: z.array(subscription),
    }),
  }),
});

const meta = webhooksMeta.parse(
  JSON.parse(readFileSync(new URL('../../app/webhooks/webhooks-hsmeta.json', import.meta.url), 'utf8')),
);
const legacy = meta.config.subscriptions.legacyCrmObjects;
const generic = meta.config.subscriptions.crmObjects;

describe('app/webhooks/webhooks-hsmeta.json', () => {
  it('when HubSpot delivers, then it posts to the intake route of the profile’s public origin', () => {
    expect(meta.uid).toBe('harbor_webhooks');
    expect(meta.config.settings.targetUrl).toBe('${PUBLIC_BASE_URL}/webhooks/hubspot');
    expect(meta.config.settings.maxConcurrentRequests).toBeGreaterThan(0);
  });

  it('when the subscriptions are listed, then companies, deals and tickets have every record event and contacts their links', () => {
    const types = legacy
      .filter((item) => item.propertyName === undefined)
      .map((item) => item.subscriptionType);
    const expected = ['company', 'deal', 'ticket'].flatMap((type) =>
      ['creation', 'deletion', 'merge', 'restore', 'associationChange'].map((kind) => `${type}.${kind}`),
    );

    expect(types.sort()).toEqual([...expected, 'contact.associationChange'].sort());
    expect(legacy.every((item) => item.active)).toBe(true);
  });

  it.each([
    ['company', 'companies'],
    ['deal', 'deals'],
    ['ticket', 'tickets'],
  ] as const)(
    'when %s property changes are subscribed, then exactly the properties Harbor reads are, once each',
    (singular, type) => {
      const names = legacy
        .filter((item) => item.subscriptionType === `${singular}.propertyChange`)
        .map((item) => item.propertyName);

      expect(names).toEqual([...webhookSubscribedProperties[type]]);
      expect(new Set(names).size).toBe(names.length);
    },
  );

  it('when any subscribed event arrives, then the processor acts on it', () => {
    const associationType = (singular: string): string =>
      singular === 'company' ? 'COMPANY_TO_DEAL' : `${singular.toUpperCase()}_TO_COMPANY`;
    const plan = planWebhookBatch(
      legacy.map((item, index) => {
        const [singular = '', kind = ''] = item.subscriptionType.split('.');
        return {
          eventId: String(index + 1),
          subscriptionType: item.subscriptionType,
          objectId: '1',
          occurredAt: new Date(0),
          payload:
            kind === 'associationChange'
              ? { associationType: associationType(singular), fromObjectId: 1, toObjectId: 2 }
              : {},
        };
      }),
    );

    expect(plan.ignored).toBe(0);
  });

  it('when a survey answer is created, then its generic creation event asks the processor to read it', () => {
    expect(generic).toEqual([
      { subscriptionType: 'object.creation', objectType: 'feedback_submission', active: true },
    ]);

    const plan = planWebhookBatch([
      {
        eventId: '1',
        subscriptionType: 'object.creation',
        objectId: '77',
        occurredAt: new Date(0),
        payload: { objectTypeId: '0-19' },
      },
    ]);

    expect([...plan.feedback.keys()]).toEqual(['77']);
    expect(plan.ignored).toBe(0);
  });
});
