import { describe, expect, it } from 'vitest';

import { toWebhookEvents, webhookSubscriptions } from './webhook-events.pure.ts';

const context = { portalId: 42, appId: 7 };

describe('toWebhookEvents', () => {
  it('when a company property changes, then one company.propertyChange event carries name and value', () => {
    const events = toWebhookEvents(
      {
        kind: 'propertyChange',
        objectType: 'companies',
        objectId: '101',
        propertyName: 'name',
        propertyValue: 'Acme',
        at: 5,
      },
      context,
    );
    expect(events).toEqual([
      {
        subscriptionId: webhookSubscriptions.get('company.propertyChange'),
        portalId: 42,
        appId: 7,
        occurredAt: 5,
        subscriptionType: 'company.propertyChange',
        objectId: 101,
        changeSource: 'CRM',
        propertyName: 'name',
        propertyValue: 'Acme',
      },
    ]);
  });

  it('when companies merge, then the event names the primary, the merged ids and the new id', () => {
    const [event] = toWebhookEvents(
      { kind: 'merge', objectType: 'companies', objectId: '1', mergedObjectIds: ['2'], at: 0 },
      context,
    );
    expect(event).toMatchObject({
      subscriptionType: 'company.merge',
      objectId: 1,
      primaryObjectId: 1,
      mergedObjectIds: [2],
      newObjectId: 1,
    });
  });

  it('when a deal is linked to a company, then both directions are announced', () => {
    const events = toWebhookEvents(
      {
        kind: 'associationChange',
        fromType: 'deals',
        fromId: '20',
        toType: 'companies',
        toId: '10',
        associationTypeId: 5,
        removed: true,
        at: 0,
      },
      context,
    );
    expect(
      events.map((event) => [
        event.subscriptionType,
        event.associationType,
        event.fromObjectId,
        event.toObjectId,
      ]),
    ).toEqual([
      ['deal.associationChange', 'DEAL_TO_COMPANY', 20, 10],
      ['company.associationChange', 'COMPANY_TO_DEAL', 10, 20],
    ]);
    expect(
      events.every((event) => event.associationRemoved === true && event.isPrimaryAssociation === true),
    ).toBe(true);
  });

  it('when a survey answer is created, then a generic object.creation event names its type by id', () => {
    const [event] = toWebhookEvents(
      { kind: 'creation', objectType: 'feedback_submissions', objectId: '9', at: 5 },
      context,
    );

    expect(event).toMatchObject({
      subscriptionType: 'object.creation',
      subscriptionId: webhookSubscriptions.get('object.creation:0-19'),
      objectTypeId: '0-19',
      objectId: 9,
      occurredAt: 5,
    });
    expect(
      toWebhookEvents(
        { kind: 'deletion', objectType: 'feedback_submissions', objectId: '9', at: 5 },
        context,
      ),
    ).toEqual([]);
  });

  it('when a contact is created or a task changes, then nothing is sent; contact associations are', () => {
    expect(
      toWebhookEvents({ kind: 'creation', objectType: 'contacts', objectId: '1', at: 0 }, context),
    ).toEqual([]);
    expect(toWebhookEvents({ kind: 'deletion', objectType: 'tasks', objectId: '1', at: 0 }, context)).toEqual(
      [],
    );
    const events = toWebhookEvents(
      {
        kind: 'associationChange',
        fromType: 'contacts',
        fromId: '3',
        toType: 'companies',
        toId: '4',
        associationTypeId: 279,
        removed: false,
        at: 0,
      },
      context,
    );
    expect(events.map((event) => event.associationType)).toEqual([
      'CONTACT_TO_COMPANY',
      'COMPANY_TO_CONTACT',
    ]);
    expect(
      toWebhookEvents(
        {
          kind: 'associationChange',
          fromType: 'tasks',
          fromId: '3',
          toType: 'companies',
          toId: '4',
          associationTypeId: 192,
          removed: false,
          at: 0,
        },
        context,
      ),
    ).toEqual([]);
  });
});
