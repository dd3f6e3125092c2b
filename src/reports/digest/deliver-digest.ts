import type { DigestDeliveryWire, ReportSettings } from '@harbor/wire';

import { HubSpotUnavailableError } from '../../hubspot/hubspot-errors.ts';
import { putTaskInQueue, routeDestination } from '../../handoffs/route-destination.ts';
import { findPortalAccount } from '../../store/repositories/portals-repository.ts';
import { createTaskOnce } from '../../tasks/create-task-once.ts';
import type { TaskDeps } from '../../tasks/task-deps.ts';
import {
  recordDigestDelivery,
  type StoredDigest,
} from '../../store/repositories/feedback-digests-repository.ts';
import { digestPageUrl, digestTask } from './digest-task.pure.ts';
import type { DigestLanguage } from './render-digest.pure.ts';

// HubSpot's HUBSPOT_DEFINED note → company association (associations v4 guide; the sandbox serves the same).
const noteToCompany = 190;

export interface DeliverOptions {
  settings: ReportSettings;
  language: DigestLanguage;
  appId?: string | undefined;
}

/**
 * Hands a stored digest to settings.routing.product (an owner, a team's least-loaded member, or a task
 * queue), once: a task through createTaskOnce (key digest:<month>), or a note with the HTML digest on the
 * company behind the top theme (a note needs an owner, not a queue). Without a destination it is "not
 * routed" and stays stored. The outcome is recorded on the digest's row;
 * `pending` (another instance is making the task) and `failed` are tried again by the next run.
 */
export async function deliverDigest(
  deps: TaskDeps & { now: () => Date },
  stored: StoredDigest,
  options: DeliverOptions,
): Promise<DigestDeliveryWire> {
  const { digest } = stored;
  if (digest.delivery.status === 'task' || digest.delivery.status === 'note') return digest.delivery;
  const record = async (delivery: DigestDeliveryWire): Promise<DigestDeliveryWire> => {
    await recordDigestDelivery(deps.db, digest.portalId, digest.month, delivery);
    return delivery;
  };
  const at = deps.now().toISOString();
  if (digest.itemCount === 0) return record({ status: 'empty', reference: null, at, detail: null });
  const destination = options.settings.routing.product;
  if (destination === null) {
    deps.logger.info({ portalId: digest.portalId, month: digest.month }, 'feedback digest not routed');
    return record({ status: 'not_routed', reference: null, at, detail: 'no product owner in settings' });
  }
  const account = await findPortalAccount(deps.db, digest.portalId);
  // The same routing as every hand-off: an owner, the least-loaded member of a team, or a task queue.
  const decision = await routeDestination(
    deps.db,
    digest.portalId,
    destination,
    deps.now(),
    account?.timeZone ?? 'UTC',
  );
  if (!decision.routed) {
    deps.logger.info({ portalId: digest.portalId, month: digest.month }, 'feedback digest not routed');
    return record({
      status: 'not_routed',
      reference: null,
      at,
      detail: 'the product team has no active member Harbor knows of',
    });
  }
  const { assignee } = decision;
  const ownerId = 'ownerId' in assignee ? assignee.ownerId : null;
  const task = digestTask(
    digest,
    {
      ownerId,
      language: options.language,
      pageUrl: digestPageUrl(digest.portalId, options.appId),
    },
    deps.now().getTime(),
  );
  if (task === undefined) {
    deps.logger.info({ portalId: digest.portalId, month: digest.month }, 'feedback digest not routed');
    return record({ status: 'not_routed', reference: null, at, detail: 'no company to attach it to' });
  }
  if (options.settings.digest.deliverAs === 'note') {
    if (ownerId !== null) return deliverNote(deps, stored, task.companyId, ownerId, record);
    return record({
      status: 'not_routed',
      reference: null,
      at,
      detail: 'a note cannot go to a task queue: deliver the digest as a task, or to an owner or team',
    });
  }
  try {
    const result = await createTaskOnce(deps, task);
    if (result.outcome === 'in_progress') return digest.delivery;
    if ('queueId' in assignee) {
      await putTaskInQueue(
        deps.gateway.forPortal(digest.portalId),
        result.task.hubspotTaskId,
        assignee.queueId,
      );
    }
    deps.logger.info(
      { portalId: digest.portalId, month: digest.month, outcome: result.outcome },
      'feedback digest task made',
    );
    return await record({ status: 'task', reference: result.task.hubspotTaskId, at, detail: null });
  } catch (error) {
    deps.logger.warn(
      { err: error, portalId: digest.portalId, month: digest.month },
      'feedback digest task failed',
    );
    return record({
      status: 'failed',
      reference: null,
      at,
      detail: error instanceof Error ? error.message : String(error),
    });
  }
}

/**
 * A note carries no key HubSpot can search by, so it is sent at most once: the row says "note" before the
 * create goes out, and a create whose answer never came is left as it is (logged) rather than sent again.
 */
async function deliverNote(
  deps: TaskDeps & { now: () => Date },
  stored: StoredDigest,
  companyId: string,
  ownerId: string,
  record: (delivery: DigestDeliveryWire) => Promise<DigestDeliveryWire>,
): Promise<DigestDeliveryWire> {
  const { digest } = stored;
  const at = deps.now().toISOString();
  await record({ status: 'note', reference: null, at, detail: 'sending' });
  try {
    const created = await deps.gateway.forPortal(digest.portalId).batchCreate('notes', [
      {
        properties: { hs_note_body: stored.html, hs_timestamp: at, hubspot_owner_id: ownerId },
        associations: [{ toId: companyId, associationTypeId: noteToCompany }],
      },
    ]);
    const note = created.results[0];
    if (note === undefined) {
      const detail = created.errors[0]?.message ?? 'HubSpot created no note';
      return await record({ status: 'failed', reference: null, at, detail });
    }
    deps.logger.info(
      { portalId: digest.portalId, month: digest.month, noteId: note.id },
      'feedback digest note made',
    );
    return await record({ status: 'note', reference: note.id, at, detail: null });
  } catch (error) {
    if (error instanceof HubSpotUnavailableError) {
      deps.logger.error(
        { err: error, portalId: digest.portalId, month: digest.month },
        'feedback digest note: HubSpot did not answer; not sent again (check the company’s notes)',
      );
      return record({
        status: 'note',
        reference: null,
        at,
        detail: 'HubSpot did not answer; the note may be missing',
      });
    }
    return record({
      status: 'failed',
      reference: null,
      at,
      detail: error instanceof Error ? error.message : String(error),
    });
  }
}
