import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

import type { Kysely } from 'kysely';

import type { PortalGateway } from '../../hubspot/portal-gateway.ts';
import type { CrmRecord } from '../../hubspot/gateway-types.ts';
import type { LeaseName } from '../../jobs/job.ts';
import { defaultHeartbeatMs, defaultLeaseTtlMs, withPortalLease } from '../../jobs/portal-lease.ts';
import { AppError } from '../../shared/errors/app-error.ts';
import type { Logger } from '../../shared/logger.ts';
import type { Database } from '../../store/database-schema.ts';
import { replaceCompanyAssociations } from '../../store/repositories/company-associations-repository.ts';
import { findCompanyLinks } from '../../store/repositories/sync-links-repository.ts';
import type { CrmObjectRecord } from '../../store/repositories/crm-objects-repository.ts';
import { upsertCrmObjects } from '../../store/repositories/crm-objects-repository.ts';
import { touchCrmObjects } from '../../store/repositories/sync-objects-repository.ts';
import {
  archiveWithTombstones,
  deleteLinksToCompanies,
  findPortalInstallState,
  listObjectsLinkedToCompanies,
  type ArchivedObject,
} from '../../store/repositories/webhook-changes-repository.ts';
import {
  listPendingWebhookEvents,
  markWebhookEventsProcessed,
  type WebhookEventRecord,
} from '../../store/repositories/webhook-events-repository.ts';
import { loadMappedProperties } from '../../sync/mapped-properties.ts';
import { writeFeedbackLinks } from '../../sync/page-writes.ts';
import { feedbackContactIds, modifiedAtOf } from '../../sync/record-mapping.pure.ts';
import { lastModifiedProperty, propertiesFor } from '../../sync/sync-catalog.pure.ts';
import type { SyncDeps, SyncedObjectType } from '../../sync/sync-types.ts';
import { countPlan, planWebhookBatch, type LinkedType, type WebhookPlan } from './webhook-event-plan.pure.ts';
import type { WebhookFetchedType } from './webhook-properties.pure.ts';

export interface WebhookProcessingOptions {
  /** Events read and applied per transaction; default 500. */
  batchSize?: number;
  /** Lease holder name; default a fresh id per call. */
  leaseOwner?: string;
  /** How long the portal's 'webhooks' lease outlives a holder that stopped renewing; default 2 minutes. */
  leaseTtlMs?: number;
  /** How often the lease is renewed while a pass runs; default 30 s. */
  heartbeatMs?: number;
  /** Stops the pass between reads and writes (shutdown); what is left stays pending. */
  signal?: AbortSignal;
  /**
   * Told, once a batch is committed, which companies it changed (each once): the rescoring that brings their
   * scores and signals up to date. A failure is logged and the batch stays applied.
   */
  onBatchApplied?: ((portalId: number, companyIds: readonly string[]) => Promise<void>) | undefined;
}

export interface WebhookProcessingResult {
  /** Events marked processed (applied, or skipped for an inactive portal / type Harbor does not keep). */
  events: number;
  /** Records read from HubSpot. */
  fetched: number;
  /** HubSpot calls made for this portal meanwhile (the gateway's counter: other callers count too). */
  apiCalls: number;
}

/** What the processor loop runs per portal (tests replace it). */
export type ProcessPortalWebhooks = (
  deps: SyncDeps,
  portalId: number,
  options?: WebhookProcessingOptions,
) => Promise<WebhookProcessingResult>;

export const webhookLeaseJob = 'webhooks' satisfies LeaseName;
const fetchedTypes = ['companies', 'deals', 'tickets'] as const satisfies readonly WebhookFetchedType[];
const linkedTypes = ['deals', 'tickets', 'contacts'] as const satisfies readonly LinkedType[];

/**
 * Applies a portal's pending webhook events, oldest first, batch after batch until none are left. Per batch:
 * fold the events per record (webhook-event-plan.pure.ts), read the current state of what they name from
 * HubSpot (≤ 100 ids per batch read), then write records, archives, company links and the "processed" marks in
 * one transaction. A HubSpot failure throws before anything is written, so the batch stays pending for the
 * next pass; a replayed or late event only causes a re-read of the current state, and every row is guarded
 * by HubSpot's last-modified time, so nothing is applied twice or out of order.
 *
 * The portal's 'webhooks' lease (withPortalLease, as every per-portal job) keeps two processes or instances
 * from interleaving their writes. Another holder means nothing runs; a lease lost mid-pass (a renewal finds
 * it taken) aborts the pass before its next write, and the call rejects with the abort's reason.
 */
export const processPendingWebhooks: ProcessPortalWebhooks = async (deps, portalId, options = {}) => {
  const logger = deps.logger.child({ portalId, job: webhookLeaseJob });
  const batchSize = options.batchSize ?? 500;
  const installState = await findPortalInstallState(deps.db, portalId);
  if (installState !== 'active') {
    const events = await skipPendingEvents(deps, portalId, batchSize);
    if (events > 0) {
      logger.info(
        { events, installState },
        `skipped ${events} webhook events of a portal that is ${installState}`,
      );
    }
    return { events, fetched: 0, apiCalls: 0 };
  }

  const outcome = await withPortalLease(
    deps.db,
    {
      portalId,
      job: webhookLeaseJob,
      owner: options.leaseOwner ?? `${hostname()}:${process.pid}:${randomUUID()}`,
      ttlMs: options.leaseTtlMs ?? defaultLeaseTtlMs,
      heartbeatMs: options.heartbeatMs ?? defaultHeartbeatMs,
      now: deps.now,
      logger,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    },
    (signal) => applyPendingEvents(deps, portalId, { batchSize, signal, logger, options }),
  );
  if (!outcome.acquired) {
    logger.debug('another worker is processing this portal’s webhook events');
    return { events: 0, fetched: 0, apiCalls: 0 };
  }
  return outcome.value;
};

async function applyPendingEvents(
  deps: SyncDeps,
  portalId: number,
  pass: { batchSize: number; signal: AbortSignal; logger: Logger; options: WebhookProcessingOptions },
): Promise<WebhookProcessingResult> {
  const { batchSize, signal, logger } = pass;
  const gateway = deps.gateway.forPortal(portalId);
  const callsBefore = gateway.callCount();
  // Exactly what the sync reads (admin-mapped properties included), so a webhook write never drops a column.
  const mapped = await loadMappedProperties(deps.db, portalId);
  const properties = Object.fromEntries(
    fetchedTypes.map((type) => [type, propertiesFor(type, mapped)]),
  ) as Record<WebhookFetchedType, string[]>;
  const feedbackProperties = propertiesFor('feedback_submissions', mapped);
  const totals = { events: 0, fetched: 0 };
  for (;;) {
    signal.throwIfAborted();
    const events = await listPendingWebhookEvents(deps.db, portalId, batchSize);
    if (events.length === 0) break;
    const { fetched, plan, companyIds } = await applyBatch(
      { deps, gateway, portalId, properties, feedbackProperties, signal },
      events,
    );
    totals.events += events.length;
    totals.fetched += fetched;
    logger.info(
      { events: events.length, fetched, ignored: plan.ignored, ...countPlan(plan) },
      `applied ${events.length} webhook events`,
    );
    await afterBatch(pass, portalId, companyIds);
    if (events.length < batchSize) break;
  }
  return { ...totals, apiCalls: gateway.callCount() - callsBefore };
}

/** The batch is committed whatever happens here: a failure leaves the companies to the next sync's rescoring. */
async function afterBatch(
  pass: { logger: Logger; options: WebhookProcessingOptions },
  portalId: number,
  companyIds: readonly string[],
): Promise<void> {
  const { onBatchApplied } = pass.options;
  if (onBatchApplied === undefined || companyIds.length === 0) return;
  try {
    await onBatchApplied(portalId, companyIds);
  } catch (error) {
    pass.logger.error(
      { err: error, companies: companyIds.length },
      'acting on applied webhook events failed; they stay applied and the next sync rescores their companies',
    );
  }
}

async function skipPendingEvents(deps: SyncDeps, portalId: number, batchSize: number): Promise<number> {
  let skipped = 0;
  for (;;) {
    const events = await listPendingWebhookEvents(deps.db, portalId, batchSize);
    if (events.length === 0) return skipped;
    await markWebhookEventsProcessed(
      deps.db,
      portalId,
      events.map((event) => event.eventId),
      deps.now(),
    );
    skipped += events.length;
  }
}

interface BatchChanges {
  upserts: Record<WebhookFetchedType, CrmObjectRecord[]>;
  /** Gone per HubSpot's archived read (guarded by the archive time) … */
  archives: Record<WebhookFetchedType, ArchivedObject[]>;
  /** … or found nowhere at all (merged away, purged): archived whatever the stored row says. */
  vanished: Record<WebhookFetchedType, ArchivedObject[]>;
  links: Record<LinkedType, { objectIds: string[]; links: { objectId: string; companyId: string }[] }>;
  /** New survey answers and the contacts they are attributed to (their companies are the contacts'). */
  feedback: { records: CrmObjectRecord[]; contacts: { id: string; contactIds: string[] }[] };
  fetched: number;
}

interface PassContext {
  deps: SyncDeps;
  gateway: PortalGateway;
  portalId: number;
  /** What a batch read asks for per type: the sync's own list for this portal. */
  properties: Record<WebhookFetchedType, string[]>;
  feedbackProperties: string[];
  /** The lease's signal: aborted when the lease is lost or the service stops. */
  signal: AbortSignal;
}

async function applyBatch(
  context: PassContext,
  events: readonly WebhookEventRecord[],
): Promise<{ fetched: number; plan: WebhookPlan; companyIds: string[] }> {
  const { deps, portalId } = context;
  // An event's time becomes the version of the rows it leads to; one stamped ahead of our clock (the intake
  // allows a day of skew) counts as now, or its future version would hide every real change until then.
  const readAt = deps.now();
  const plan = planWebhookBatch(
    events.map((event) =>
      event.occurredAt.getTime() <= readAt.getTime() ? event : { ...event, occurredAt: readAt },
    ),
  );
  const changes = await readChanges(context, plan);
  // The reads took time: a lease lost meanwhile means another worker owns this portal now, so write nothing.
  context.signal.throwIfAborted();
  const now = deps.now();

  const companyIds = await deps.db.transaction().execute(async (tx) => {
    // Before the writes: a ticket moved or deleted here counts for the company it leaves too.
    const touched = await companiesTouched(tx, portalId, plan, changes);
    for (const type of fetchedTypes) {
      await upsertCrmObjects(tx, portalId, type, changes.upserts[type], now);
      const archived = [
        ...(await archiveWithTombstones(tx, portalId, type, changes.archives[type], now)),
        ...(await archiveWithTombstones(tx, portalId, type, changes.vanished[type], now, { force: true })),
      ];
      // HubSpot drops an archived record's associations; only rows actually archived lose theirs.
      if (type === 'companies') await deleteLinksToCompanies(tx, portalId, archived);
      else await replaceCompanyAssociations(tx, portalId, type, archived, [], now);
    }
    for (const type of linkedTypes) {
      const { objectIds, links } = changes.links[type];
      await replaceCompanyAssociations(tx, portalId, type, objectIds, links, now);
      // Survey answers follow their contact's company; a fresh synced_at makes the next sync re-attribute them.
      if (type === 'contacts') await touchCrmObjects(tx, portalId, 'contacts', objectIds, now);
    }
    // After the contacts' links: a new answer belongs to its contact's companies as they stand now.
    await upsertCrmObjects(tx, portalId, 'feedback_submissions', changes.feedback.records, now);
    await writeFeedbackLinks(tx, portalId, changes.feedback.contacts, now);
    await markWebhookEventsProcessed(
      tx,
      portalId,
      events.map((event) => event.eventId),
      now,
    );
    return touched;
  });
  return { fetched: changes.fetched, plan, companyIds };
}

/**
 * Every company whose score or signals the batch may move: the companies it changed, and those linked to a
 * deal, ticket or contact it changed, before the batch or after (a contact carries its survey answers), and
 * those of the contacts behind the survey answers it brought.
 */
async function companiesTouched(
  db: Kysely<Database>,
  portalId: number,
  plan: WebhookPlan,
  changes: BatchChanges,
): Promise<string[]> {
  const companyIds = new Set([...plan.fetch.companies.keys(), ...plan.archive.companies.keys()]);
  for (const type of linkedTypes) {
    const objectIds = new Set(plan.relink[type]);
    if (type !== 'contacts') {
      for (const id of [...plan.fetch[type].keys(), ...plan.archive[type].keys()]) objectIds.add(id);
    }
    for (const link of await findCompanyLinks(db, portalId, type, [...objectIds])) {
      companyIds.add(link.companyId);
    }
    for (const link of changes.links[type].links) companyIds.add(link.companyId);
  }
  const answered = changes.feedback.contacts;
  const contactIds = new Set(answered.flatMap((item) => item.contactIds));
  for (const link of [
    ...(await findCompanyLinks(db, portalId, 'contacts', [...contactIds])),
    ...(await findCompanyLinks(
      db,
      portalId,
      'feedback_submissions',
      answered.map((item) => item.id),
    )),
  ]) {
    companyIds.add(link.companyId);
  }
  return [...companyIds].sort();
}

/** Every HubSpot read a batch needs, made before the transaction opens (no network inside it). */
async function readChanges(context: PassContext, plan: WebhookPlan): Promise<BatchChanges> {
  const { deps, gateway, portalId } = context;
  const changes: BatchChanges = {
    upserts: { companies: [], deals: [], tickets: [] },
    archives: { companies: [], deals: [], tickets: [] },
    vanished: { companies: [], deals: [], tickets: [] },
    links: {
      deals: { objectIds: [], links: [] },
      tickets: { objectIds: [], links: [] },
      contacts: { objectIds: [], links: [] },
    },
    feedback: { records: [], contacts: [] },
    fetched: 0,
  };

  for (const type of fetchedTypes) {
    // Deletions need no read: the event's time orders them against every other version of the row.
    for (const [id, at] of plan.archive[type]) changes.archives[type].push({ id, archivedAt: at });
    const wanted = plan.fetch[type];
    if (wanted.size === 0) continue;
    const live = await gateway.batchRead(type, [...wanted.keys()], { properties: context.properties[type] });
    assertOnlyNotFound(live.errors, type);
    changes.fetched += live.results.length;
    const found = new Set<string>();
    for (const record of live.results) {
      found.add(record.id);
      changes.upserts[type].push(toStoredRecord(type, record, wanted.get(record.id)));
    }
    const missing = [...wanted.keys()].filter((id) => !found.has(id));
    if (missing.length === 0) continue;
    // Deleted since the event: HubSpot's archived copy says when, so an older event can never revive it.
    const archived = await gateway.batchRead(type, missing, {
      properties: [lastModifiedProperty[type]],
      archived: true,
    });
    assertOnlyNotFound(archived.errors, type);
    const archivedIds = new Set<string>();
    for (const record of archived.results) {
      // HubSpot may answer a merged-away id with the surviving record: only the ids asked about count here.
      if (!missing.includes(record.id)) continue;
      archivedIds.add(record.id);
      const floor = wanted.get(record.id);
      changes.archives[type].push({
        id: record.id,
        archivedAt: latest(modifiedAtOf(type, record), record.updatedAt, floor),
      });
    }
    for (const id of missing) {
      if (!archivedIds.has(id))
        changes.vanished[type].push({ id, archivedAt: wanted.get(id) ?? new Date(0) });
    }
  }

  // A company deleted or merged away (by its own event, or found gone on a read) loses its links; those of a
  // merged one move to the survivor. Either way HubSpot knows where the store's linked records stand now.
  const goneCompanies = [
    ...changes.archives.companies.map((object) => object.id),
    ...changes.vanished.companies.map((object) => object.id),
  ];
  for (const linked of await listObjectsLinkedToCompanies(deps.db, portalId, goneCompanies)) {
    if (linked.objectType === 'contacts' || !plan.archive[linked.objectType].has(linked.objectId)) {
      plan.relink[linked.objectType].add(linked.objectId);
    }
  }

  for (const type of linkedTypes) {
    const ids = [...plan.relink[type]];
    if (ids.length === 0) continue;
    const { byId, errors } = await gateway.associationsBatchRead(type, 'companies', ids);
    assertOnlyNotFound(errors, type);
    const links: { objectId: string; companyId: string }[] = [];
    for (const [objectId, companies] of byId) {
      for (const companyId of new Set(companies.map((company) => company.toObjectId))) {
        links.push({ objectId, companyId });
      }
    }
    changes.links[type] = { objectIds: ids, links };
  }
  await readFeedback(context, plan, changes);
  return changes;
}

/**
 * New survey answers, read as the sync reads them (its properties; contacts by association, else
 * `hs_contact_id`). An answer not found was deleted meanwhile: the sync archives it.
 */
async function readFeedback(context: PassContext, plan: WebhookPlan, changes: BatchChanges): Promise<void> {
  const type = 'feedback_submissions';
  if (plan.feedback.size === 0) return;
  const { gateway } = context;
  const live = await gateway.batchRead(type, [...plan.feedback.keys()], {
    properties: context.feedbackProperties,
  });
  assertOnlyNotFound(live.errors, type);
  changes.fetched += live.results.length;
  if (live.results.length === 0) return;
  const associated = await gateway.associationsBatchRead(
    type,
    'contacts',
    live.results.map((record) => record.id),
  );
  assertOnlyNotFound(associated.errors, type);
  for (const record of live.results) {
    changes.feedback.records.push(toStoredRecord(type, record, plan.feedback.get(record.id)));
    const contactIds = (associated.byId.get(record.id) ?? []).map((contact) => contact.toObjectId);
    changes.feedback.contacts.push({
      id: record.id,
      contactIds: feedbackContactIds(contactIds, record.properties.hs_contact_id),
    });
  }
}

/**
 * The stored version of a fetched record. Its ordering key is HubSpot's last-modified time, raised to the
 * newest event that asked for the read: the copy is current as of the read, which came after that event, so
 * this also lets a restore (which need not touch hs_lastmodifieddate) win over the earlier deletion.
 */
function toStoredRecord(type: SyncedObjectType, record: CrmRecord, floor: Date | undefined): CrmObjectRecord {
  return {
    id: record.id,
    properties: record.properties,
    archived: record.archived,
    modifiedAt: latest(modifiedAtOf(type, record), floor),
  };
}

function latest(...dates: (Date | undefined)[]): Date {
  let newest = 0;
  for (const date of dates) if (date !== undefined && date.getTime() > newest) newest = date.getTime();
  return new Date(newest);
}

/** Unknown ids are expected (deleted records); any other per-item error leaves the batch pending. */
function assertOnlyNotFound(errors: readonly { category: string; message: string }[], type: string): void {
  const unexpected = errors.filter((error) => error.category !== 'OBJECT_NOT_FOUND');
  if (unexpected.length === 0) return;
  throw new AppError(
    'HUBSPOT_UNAVAILABLE',
    `HubSpot could not read some ${type}: ${unexpected[0]?.message ?? ''}`,
    {
      details: { type, categories: [...new Set(unexpected.map((error) => error.category))] },
    },
  );
}
