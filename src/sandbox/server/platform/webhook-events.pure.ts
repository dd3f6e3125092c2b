import { primaryTypeIds } from '../../store/association-types.ts';
import type { SandboxChange, SandboxObjectType } from '../../store/sandbox-types.ts';

/** One event of a HubSpot webhook batch (legacy CRM-object subscription form, platform doc §5.2). */
export interface WebhookEvent {
  eventId: number;
  subscriptionId: number;
  portalId: number;
  appId: number;
  occurredAt: number;
  subscriptionType: string;
  /** Generic (`object.*`) events name their object type here, e.g. `0-19` for feedback submissions. */
  objectTypeId?: string;
  attemptNumber: number;
  objectId: number;
  changeSource: string;
  propertyName?: string;
  propertyValue?: string;
  primaryObjectId?: number;
  mergedObjectIds?: number[];
  newObjectId?: number;
  associationType?: string;
  fromObjectId?: number;
  toObjectId?: number;
  associationRemoved?: boolean;
  isPrimaryAssociation?: boolean;
}

/** An event before the dispatcher numbers it and counts its attempts. */
export type WebhookEventDraft = Omit<WebhookEvent, 'eventId' | 'attemptNumber'>;

type ChangeKind = SandboxChange['kind'];

const singular: Partial<Record<SandboxObjectType, string>> = {
  companies: 'company',
  deals: 'deal',
  tickets: 'ticket',
  contacts: 'contact',
};

/** What the sandbox app subscribes to: everything on companies, deals and tickets; contacts' associations. */
const subscribedKinds: Partial<Record<SandboxObjectType, readonly ChangeKind[]>> = {
  companies: ['creation', 'propertyChange', 'deletion', 'merge', 'associationChange'],
  deals: ['creation', 'propertyChange', 'deletion', 'merge', 'associationChange'],
  tickets: ['creation', 'propertyChange', 'deletion', 'merge', 'associationChange'],
  contacts: ['associationChange'],
};

/** Types the app subscribes to in the generic form (platform doc §5.1), by HubSpot's object type id. */
const genericSubscriptions: Partial<
  Record<SandboxObjectType, { objectTypeId: string; kinds: readonly ChangeKind[] }>
> = {
  feedback_submissions: { objectTypeId: '0-19', kinds: ['creation'] },
};

/**
 * The subscriptions as `subscriptionType → subscriptionId`, generic ones as `object.<kind>:<objectTypeId>`
 * (ids are the sandbox's own, stable across runs).
 */
export const webhookSubscriptions: ReadonlyMap<string, number> = new Map([
  ...Object.entries(subscribedKinds).flatMap(([type, kinds], typeIndex) =>
    kinds.map((kind, kindIndex): [string, number] => [
      `${singular[type as SandboxObjectType] ?? type}.${kind}`,
      1_000_000 + typeIndex * 10 + kindIndex,
    ]),
  ),
  ...Object.values(genericSubscriptions).flatMap(({ objectTypeId, kinds }, typeIndex) =>
    kinds.map((kind, kindIndex): [string, number] => [
      `object.${kind}:${objectTypeId}`,
      2_000_000 + typeIndex * 10 + kindIndex,
    ]),
  ),
]);

export interface WebhookEventContext {
  portalId: number;
  appId: number;
}

/**
 * The webhook events one store change produces, in HubSpot's shape. An association change becomes one event
 * per direction (COMPANY_TO_DEAL and DEAL_TO_COMPANY), as HubSpot sends them; unsubscribed types give none.
 */
export function toWebhookEvents(change: SandboxChange, context: WebhookEventContext): WebhookEventDraft[] {
  const base = (type: SandboxObjectType, objectId: string): WebhookEventDraft | undefined => {
    const generic = genericSubscriptions[type];
    const subscriptionType =
      generic === undefined ? `${singular[type] ?? type}.${change.kind}` : `object.${change.kind}`;
    const subscriptionId = webhookSubscriptions.get(
      generic === undefined ? subscriptionType : `${subscriptionType}:${generic.objectTypeId}`,
    );
    if (subscriptionId === undefined) return undefined;
    return {
      subscriptionId,
      portalId: context.portalId,
      appId: context.appId,
      occurredAt: change.at,
      subscriptionType,
      ...(generic === undefined ? {} : { objectTypeId: generic.objectTypeId }),
      objectId: Number(objectId),
      changeSource: 'CRM',
    };
  };

  switch (change.kind) {
    case 'creation':
    case 'deletion': {
      const event = base(change.objectType, change.objectId);
      return event === undefined ? [] : [event];
    }
    case 'propertyChange': {
      const event = base(change.objectType, change.objectId);
      if (event === undefined) return [];
      return [{ ...event, propertyName: change.propertyName, propertyValue: change.propertyValue }];
    }
    case 'merge': {
      const event = base(change.objectType, change.objectId);
      if (event === undefined) return [];
      const primaryObjectId = Number(change.objectId);
      return [
        {
          ...event,
          primaryObjectId,
          mergedObjectIds: change.mergedObjectIds.map(Number),
          newObjectId: primaryObjectId,
        },
      ];
    }
    case 'associationChange': {
      if (singular[change.fromType] === undefined || singular[change.toType] === undefined) return [];
      const isPrimaryAssociation = (Object.values(primaryTypeIds) as number[]).includes(
        change.associationTypeId,
      );
      const directions: [SandboxObjectType, string, SandboxObjectType, string][] = [
        [change.fromType, change.fromId, change.toType, change.toId],
        [change.toType, change.toId, change.fromType, change.fromId],
      ];
      return directions.flatMap(([fromType, fromId, toType, toId]) => {
        const event = base(fromType, fromId);
        if (event === undefined) return [];
        return [
          {
            ...event,
            associationType: `${associationName(fromType)}_TO_${associationName(toType)}`,
            fromObjectId: Number(fromId),
            toObjectId: Number(toId),
            associationRemoved: change.removed,
            isPrimaryAssociation,
          },
        ];
      });
    }
  }
}

function associationName(type: SandboxObjectType): string {
  return (singular[type] ?? type).toUpperCase();
}
