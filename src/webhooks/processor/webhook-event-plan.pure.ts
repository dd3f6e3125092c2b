import { z } from 'zod';

import type { WebhookFetchedType, WebhookObjectType } from './webhook-properties.pure.ts';

/** The types whose company links Harbor keeps (company_associations is keyed from their side). */
export type LinkedType = 'deals' | 'tickets' | 'contacts';

/** A stored webhook event as the plan needs it (structurally the repository's WebhookEventRecord). */
export interface PlannedEvent {
  eventId: string;
  subscriptionType: string;
  objectId: string | null;
  occurredAt: Date;
  payload: Record<string, unknown>;
}

/** What one batch of events asks of the store, with every object's events already folded in order. */
export interface WebhookPlan {
  /** Records to re-read from HubSpot, with the time of the newest event asking for each. */
  fetch: Record<WebhookFetchedType, Map<string, Date>>;
  /** Records whose newest event deleted them (or merged them away), with that event's time. */
  archive: Record<WebhookFetchedType, Map<string, Date>>;
  /** Deals, tickets and contacts whose company links must be re-read. */
  relink: Record<LinkedType, Set<string>>;
  /** Survey answers created (or changed) since the last sync: read, stored and linked through their contact. */
  feedback: Map<string, Date>;
  /** Events that touch nothing Harbor keeps (other types, company↔company links, unknown kinds). */
  ignored: number;
}

/**
 * A record id as HubSpot sends it. Whatever else a stored event holds (an older intake checked less) reads as
 * absent, field by field: a malformed field must neither stop the portal's processing nor reach HubSpot.
 */
const recordId = z
  .union([z.number().int().nonnegative(), z.string().regex(/^[0-9]{1,19}$/)])
  .transform(String);
const optionalId = recordId.optional().catch(undefined);
const optionalText = z.string().max(100).optional().catch(undefined);

const payloadSchema = z.looseObject({
  objectTypeId: optionalText,
  primaryObjectId: optionalId,
  newObjectId: optionalId,
  mergedObjectIds: z
    .array(z.unknown())
    .transform((ids) => ids.flatMap((id) => recordId.safeParse(id).data ?? []))
    .optional()
    .catch(undefined),
  associationType: optionalText,
  fromObjectId: optionalId,
  toObjectId: optionalId,
  fromObjectTypeId: optionalText,
  toObjectTypeId: optionalText,
});
type Payload = z.infer<typeof payloadSchema>;

const legacyPrefixes: Readonly<Record<string, WebhookObjectType>> = {
  company: 'companies',
  deal: 'deals',
  ticket: 'tickets',
  contact: 'contacts',
};

/** Generic (`object.*`) events name their type by HubSpot's object type id. */
const objectTypeIds: Readonly<Record<string, WebhookObjectType>> = {
  '0-1': 'contacts',
  '0-2': 'companies',
  '0-3': 'deals',
  '0-5': 'tickets',
  '0-19': 'feedback_submissions',
};

/** `COMPANY_TO_DEAL`-style association names (legacy payloads). */
const associationNames: Readonly<Record<string, WebhookObjectType>> = {
  COMPANY: 'companies',
  DEAL: 'deals',
  TICKET: 'tickets',
  CONTACT: 'contacts',
};

/** Own entries only: a name such as `constructor` or `__proto__` would otherwise find Object's own members. */
function typeNamed(
  table: Readonly<Record<string, WebhookObjectType>>,
  name: string | undefined,
): WebhookObjectType | undefined {
  return name !== undefined && Object.hasOwn(table, name) ? table[name] : undefined;
}

const kinds = ['creation', 'propertyChange', 'restore', 'deletion', 'merge', 'associationChange'] as const;
type Kind = (typeof kinds)[number];

function isKind(value: string): value is Kind {
  return (kinds as readonly string[]).includes(value);
}

function isFetchedType(type: WebhookObjectType): type is WebhookFetchedType {
  return type !== 'contacts' && type !== 'feedback_submissions';
}

function isLinkedType(type: WebhookObjectType): type is LinkedType {
  return type === 'deals' || type === 'tickets' || type === 'contacts';
}

/** Oldest first; HubSpot's event ids break ties (numerically: they are decimal strings). */
export function compareEvents(a: PlannedEvent, b: PlannedEvent): number {
  const byTime = a.occurredAt.getTime() - b.occurredAt.getTime();
  if (byTime !== 0) return byTime;
  if (a.eventId.length !== b.eventId.length) return a.eventId.length - b.eventId.length;
  return a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;
}

function eventType(subscriptionType: string, payload: Payload): { type?: WebhookObjectType; kind?: Kind } {
  const [prefix = '', kind = ''] = subscriptionType.split('.', 2);
  // Generic association events name both ends' types instead of objectTypeId.
  const type =
    prefix === 'object'
      ? typeNamed(objectTypeIds, payload.objectTypeId ?? payload.fromObjectTypeId)
      : typeNamed(legacyPrefixes, prefix);
  return { ...(type === undefined ? {} : { type }), ...(isKind(kind) ? { kind } : {}) };
}

/** The two ends of an association event, when both are types Harbor knows. */
function associationEnds(
  type: WebhookObjectType,
  objectId: string | null,
  payload: Payload,
): [WebhookObjectType, string, WebhookObjectType, string] | undefined {
  let fromType: WebhookObjectType | undefined;
  let toType: WebhookObjectType | undefined;
  if (payload.fromObjectTypeId !== undefined || payload.toObjectTypeId !== undefined) {
    fromType = typeNamed(objectTypeIds, payload.fromObjectTypeId);
    toType = typeNamed(objectTypeIds, payload.toObjectTypeId);
  } else {
    const match = /^([A-Z]+)_TO_([A-Z]+)$/.exec(payload.associationType ?? '');
    fromType = typeNamed(associationNames, match?.[1]);
    toType = typeNamed(associationNames, match?.[2]);
  }
  const fromId = payload.fromObjectId ?? objectId ?? undefined;
  const toId = payload.toObjectId;
  if (fromType === undefined || toType === undefined || fromId === undefined || toId === undefined) {
    return undefined;
  }
  // The event is about its own object: a payload naming another type first is not one we understand.
  if (fromType !== type) return undefined;
  return [fromType, fromId, toType, toId];
}

function emptyPlan(): WebhookPlan {
  return {
    fetch: { companies: new Map(), deals: new Map(), tickets: new Map() },
    archive: { companies: new Map(), deals: new Map(), tickets: new Map() },
    relink: { deals: new Set(), tickets: new Set(), contacts: new Set() },
    feedback: new Map(),
    ignored: 0,
  };
}

/**
 * Folds a batch of events into what must be read and written. Events are applied oldest first, so for every
 * record only its newest event counts: deleted last → archive (no read needed); created, changed, restored or
 * merged into last → re-read its current state. Association events ask for the company links of the
 * non-company end to be re-read, so their order does not matter at all.
 */
export function planWebhookBatch(events: readonly PlannedEvent[]): WebhookPlan {
  const plan = emptyPlan();
  const toFetch = (type: WebhookFetchedType, id: string, at: Date): void => {
    plan.archive[type].delete(id);
    plan.fetch[type].set(id, at);
  };
  const toArchive = (type: WebhookFetchedType, id: string, at: Date): void => {
    plan.fetch[type].delete(id);
    plan.archive[type].set(id, at);
  };

  for (const stored of [...events].sort(compareEvents)) {
    const parsed = payloadSchema.safeParse(stored.payload);
    const payload: Payload = parsed.success ? parsed.data : {};
    const event = { ...stored, objectId: recordId.safeParse(stored.objectId).data ?? null };
    const { type, kind } = eventType(event.subscriptionType, payload);
    const at = event.occurredAt;
    if (type === undefined || kind === undefined) {
      plan.ignored += 1;
      continue;
    }
    if (kind === 'associationChange') {
      const ends = associationEnds(type, event.objectId, payload);
      const linked = ends === undefined ? undefined : linkedEnd(ends);
      if (linked === undefined) plan.ignored += 1;
      else plan.relink[linked.type].add(linked.id);
      continue;
    }
    if (
      type === 'feedback_submissions' &&
      event.objectId !== null &&
      kind !== 'deletion' &&
      kind !== 'merge'
    ) {
      // Only the answer's arrival is urgent; its deletion or merge waits for the sync, which archives it.
      plan.feedback.set(event.objectId, at);
      continue;
    }
    if (!isFetchedType(type) || event.objectId === null) {
      plan.ignored += 1;
      continue;
    }
    if (kind === 'deletion') {
      toArchive(type, event.objectId, at);
    } else if (kind === 'merge') {
      const primaryId = payload.primaryObjectId ?? event.objectId;
      const survivorId = payload.newObjectId ?? primaryId;
      const gone = new Set([...(payload.mergedObjectIds ?? []), primaryId]);
      gone.delete(survivorId);
      for (const id of gone) toArchive(type, id, at);
      toFetch(type, survivorId, at);
      // The merged records' associations moved to the survivor.
      if (type !== 'companies') plan.relink[type].add(survivorId);
    } else {
      toFetch(type, event.objectId, at);
    }
  }

  // A record archived in this batch has no links left to read.
  for (const type of ['deals', 'tickets'] as const) {
    for (const id of plan.archive[type].keys()) plan.relink[type].delete(id);
  }
  return plan;
}

function linkedEnd([fromType, fromId, toType, toId]: [WebhookObjectType, string, WebhookObjectType, string]):
  { type: LinkedType; id: string } | undefined {
  if (fromType === 'companies' && isLinkedType(toType)) return { type: toType, id: toId };
  if (toType === 'companies' && isLinkedType(fromType)) return { type: fromType, id: fromId };
  return undefined;
}

/** Every id in the plan's sets, for logs and counts. */
export function countPlan(plan: WebhookPlan): {
  fetch: number;
  archive: number;
  relink: number;
  feedback: number;
} {
  const sum = (sizes: number[]): number => sizes.reduce((total, size) => total + size, 0);
  return {
    fetch: sum(Object.values(plan.fetch).map((ids) => ids.size)),
    archive: sum(Object.values(plan.archive).map((ids) => ids.size)),
    relink: sum(Object.values(plan.relink).map((ids) => ids.size)),
    feedback: plan.feedback.size,
  };
}
