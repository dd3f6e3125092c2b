import { describe, expect, it } from 'vitest';

import { planWebhookBatch, type PlannedEvent } from './webhook-event-plan.pure.ts';

let nextId = 1;
function event(
  subscriptionType: string,
  objectId: string | null,
  minute: number,
  payload: Record<string, unknown> = {},
  eventId = String(nextId++),
): PlannedEvent {
  return {
    eventId,
    subscriptionType,
    objectId,
    occurredAt: new Date(Date.UTC(2026, 10, 24, 11, minute)),
    payload: { objectId, ...payload },
  };
}

const minute = (value: number): Date => new Date(Date.UTC(2026, 10, 24, 11, value));

describe('planWebhookBatch', () => {
  it('when a record is changed then deleted, whatever the delivery order, then only the archive is planned', () => {
    const plan = planWebhookBatch([event('deal.deletion', '7', 2), event('deal.propertyChange', '7', 1)]);

    expect([...plan.archive.deals]).toEqual([['7', minute(2)]]);
    expect(plan.fetch.deals.size).toBe(0);
  });

  it('when a record is deleted then restored, then it is re-read with the restore time as the floor', () => {
    const plan = planWebhookBatch([event('company.restore', '3', 5), event('company.deletion', '3', 4)]);

    expect([...plan.fetch.companies]).toEqual([['3', minute(5)]]);
    expect(plan.archive.companies.size).toBe(0);
  });

  it('when two events share a time, then HubSpot event ids order them numerically', () => {
    const plan = planWebhookBatch([
      event('ticket.propertyChange', '4', 1, {}, '10'),
      event('ticket.deletion', '4', 1, {}, '9'),
    ]);

    expect(plan.fetch.tickets.has('4')).toBe(true);
    expect(plan.archive.tickets.size).toBe(0);
  });

  it('when a company merge names the merged ids, then they are archived and the survivor re-read', () => {
    const plan = planWebhookBatch([
      event('company.merge', '1', 1, { primaryObjectId: 1, mergedObjectIds: [2, 3], newObjectId: 1 }),
    ]);

    expect([...plan.fetch.companies.keys()]).toEqual(['1']);
    expect([...plan.archive.companies.keys()].sort()).toEqual(['2', '3']);
  });

  it('when a deal merge creates a new id, then both old ids are archived and the new one re-read with its links', () => {
    const plan = planWebhookBatch([
      event('deal.merge', '5', 1, { primaryObjectId: 5, mergedObjectIds: [6], newObjectId: 8 }),
    ]);

    expect([...plan.fetch.deals.keys()]).toEqual(['8']);
    expect([...plan.archive.deals.keys()].sort()).toEqual(['5', '6']);
    expect([...plan.relink.deals]).toEqual(['8']);
  });

  it('when association events name company links from either side, then the non-company end is re-linked once', () => {
    const plan = planWebhookBatch([
      event('company.associationChange', '1', 1, {
        associationType: 'COMPANY_TO_DEAL',
        fromObjectId: 1,
        toObjectId: 9,
      }),
      event('deal.associationChange', '9', 1, {
        associationType: 'DEAL_TO_COMPANY',
        fromObjectId: 9,
        toObjectId: 1,
      }),
      event('contact.associationChange', '4', 1, {
        associationType: 'CONTACT_TO_COMPANY',
        fromObjectId: 4,
        toObjectId: 1,
      }),
      event('object.associationChange', '5', 1, {
        fromObjectTypeId: '0-5',
        toObjectTypeId: '0-2',
        fromObjectId: 5,
        toObjectId: 1,
      }),
    ]);

    expect([...plan.relink.deals]).toEqual(['9']);
    expect([...plan.relink.contacts]).toEqual(['4']);
    expect([...plan.relink.tickets]).toEqual(['5']);
    expect(plan.ignored).toBe(0);
  });

  it('when a deal deleted in the batch also had its links changed, then its links are not read', () => {
    const plan = planWebhookBatch([
      event('deal.associationChange', '9', 1, {
        associationType: 'DEAL_TO_COMPANY',
        fromObjectId: 9,
        toObjectId: 1,
      }),
      event('deal.deletion', '9', 2),
    ]);

    expect(plan.relink.deals.size).toBe(0);
    expect(plan.archive.deals.has('9')).toBe(true);
  });

  it('when generic object.* events name their type by id, then they are planned like the legacy ones', () => {
    const plan = planWebhookBatch([
      event('object.creation', '11', 1, { objectTypeId: '0-3' }),
      event('object.deletion', '12', 1, { objectTypeId: '0-5' }),
      event('object.propertyChange', '13', 1, { objectTypeId: '0-2', propertyName: 'name' }),
    ]);

    expect([...plan.fetch.deals.keys()]).toEqual(['11']);
    expect([...plan.archive.tickets.keys()]).toEqual(['12']);
    expect([...plan.fetch.companies.keys()]).toEqual(['13']);
  });

  it('when events concern nothing Harbor keeps, then they are counted as ignored', () => {
    const plan = planWebhookBatch([
      event('contact.privacyDeletion', '1', 1),
      event('contact.creation', '1', 1),
      event('conversation.newMessage', '1', 1),
      event('object.creation', '1', 1, { objectTypeId: '0-7' }),
      event('company.associationChange', '1', 1, {
        associationType: 'PARENT_COMPANY_TO_CHILD_COMPANY',
        fromObjectId: 1,
        toObjectId: 2,
      }),
      event('deal.associationChange', '1', 1, {
        associationType: 'DEAL_TO_CONTACT',
        fromObjectId: 1,
        toObjectId: 2,
      }),
      event('company.propertyChange', null, 1),
    ]);

    expect(plan.ignored).toBe(7);
    expect(Object.values(plan.fetch).every((ids) => ids.size === 0)).toBe(true);
  });

  it('when a type name is one of Object’s own members, then the event is ignored instead of breaking the plan', () => {
    const plan = planWebhookBatch([
      event('constructor.creation', '1', 1),
      event('__proto__.deletion', '1', 1),
      event('object.creation', '1', 1, { objectTypeId: 'toString' }),
      event('deal.associationChange', '1', 1, { associationType: 'CONSTRUCTOR_TO_COMPANY', toObjectId: 2 }),
    ]);

    expect(plan.ignored).toBe(4);
  });

  it('when ids in an event are not HubSpot ids, then they are left out and the valid ones still count', () => {
    const plan = planWebhookBatch([
      event('company.creation', 'abc', 1),
      event('company.merge', '5', 2, {
        primaryObjectId: 'x',
        mergedObjectIds: ['6', 'seven', {}, 2 ** 60],
        newObjectId: '8',
      }),
      event('deal.associationChange', '9', 3, { associationType: 'DEAL_TO_COMPANY', toObjectId: 'ten' }),
    ]);

    expect([...plan.fetch.companies.keys()]).toEqual(['8']);
    expect([...plan.archive.companies.keys()].sort()).toEqual(['5', '6']);
    expect(plan.ignored).toBe(2);
  });
});
