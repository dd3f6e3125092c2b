import type { HandoffDestination, HandoffKind } from '@harbor/wire';

import { loadReportSettings } from '../reports/report-settings-store.ts';
import { loadSignalSettings } from '../signals/signal-settings-store.ts';
import { appendAudit } from '../store/repositories/audit-log-repository.ts';
import { findPortalAccount } from '../store/repositories/portals-repository.ts';
import { createTaskOnce } from '../tasks/create-task-once.ts';
import type { TaskDeps } from '../tasks/task-deps.ts';
import type { HandoffAssignee, RoutingDecision } from './handoff-routing.pure.ts';
import { handoffTaskText, type HandoffFacts } from './handoff-task-text.pure.ts';
import {
  loadCompanyName,
  recordHandoff,
  recordHandoffAttempt,
  type HandoffAttempt,
  type HandoffRow,
} from '../store/repositories/handoffs-repository.ts';
import { markReferenceCandidate } from './reference-candidate-property.ts';
import { putTaskInQueue, routeDestination } from './route-destination.ts';

export interface HandoffRequest {
  kind: HandoffKind;
  /** From src/handoffs/handoff-keys.pure.ts: the same intent, the same key, one task at most. */
  key: string;
  companyId: string;
  dealId?: string | undefined;
  ticketId?: string | undefined;
  /** Why, in plain words, for the card and the log. */
  reason: string;
  note?: string | undefined;
  /** A user (`user:<id>`) or `harbor` for the job's triggers. */
  requestedBy: string;
  facts: HandoffFacts;
  /**
   * A person asked (the card): a failed hand-off is tried again whatever its attempts. The job's triggers
   * stop after `maxTriggeredAttempts` failures, so a hand-off HubSpot keeps refusing does not cost calls forever.
   */
  manual?: boolean;
}

export const maxTriggeredAttempts = 5;

// Task → ticket 230 and task → deal 216 (HUBSPOT_DEFINED, docs/handoffs.md says where): the default
// association the v4 "default" endpoint makes for these pairs.
const linkedObjectType = { ticketId: 'tickets', dealId: 'deals' } as const;

function destinationRecord(destination: HandoffDestination): Record<string, string> | null {
  return destination === null ? null : { ...destination };
}

function notRoutedDetail(kind: HandoffKind, decision: Extract<RoutingDecision, { routed: false }>): string {
  return decision.reason === 'no_destination'
    ? `No ${kind} destination is set (Harbor settings → Reports → Hand-off routing): nothing was created.`
    : `The ${kind} team has no active member Harbor knows of (the owners sync reads HubSpot teams): nothing was created.`;
}

/**
 * Hands work to another team: records the hand-off under its key, resolves the destination from the report
 * settings' routing, and creates its HubSpot task exactly once (create-task-once, the hand-off key as the
 * task key), associated with the company and — when given — the ticket or the deal; a queue destination puts
 * the task in the queue. Every outcome is recorded on the hand-off (created, not routed, failed with the
 * reason) and each change of outcome is audited. Never throws for HubSpot or routing failures: the row says
 * what happened, and calling again with the same key retries what did not happen (never a second task).
 */
export async function handOff(
  deps: TaskDeps,
  portalId: number,
  request: HandoffRequest,
): Promise<HandoffRow> {
  const now = deps.now?.() ?? new Date();
  const { row } = await recordHandoff(
    deps.db,
    portalId,
    {
      key: request.key,
      kind: request.kind,
      companyId: request.companyId,
      dealId: request.dealId ?? null,
      ticketId: request.ticketId ?? null,
      reason: request.reason,
      note: request.note ?? null,
      requestedBy: request.requestedBy,
    },
    now,
  );
  if (row.outcome === 'created') return row;
  if (row.outcome === 'failed' && request.manual !== true && row.attempts >= maxTriggeredAttempts) return row;

  let attempt: HandoffAttempt;
  try {
    attempt = await attemptHandoff(deps, portalId, request, row, now);
  } catch (error) {
    deps.logger.warn({ err: error, portalId, key: row.key }, 'hand-off failed; the next call retries it');
    attempt = {
      outcome: 'failed',
      destination: row.destination,
      assignee: row.assignee,
      detail: error instanceof Error ? error.message.slice(0, 1_000) : String(error),
      hubspotTaskId: null,
    };
  }
  // A hand-off still not routed for the same reason changes nothing: the job asks every pass.
  if (attempt.outcome === 'not_routed' && row.outcome === 'not_routed' && attempt.detail === row.detail)
    return row;
  const after = await recordHandoffAttempt(deps.db, portalId, row.id, attempt, now);
  if (after.outcome !== row.outcome || after.detail !== row.detail) {
    await appendAudit(deps.db, {
      portalId,
      actor: request.requestedBy,
      action: `handoff.${after.outcome}`,
      entity: `company:${after.companyId}`,
      before: row.attempts === 0 ? null : { outcome: row.outcome, detail: row.detail },
      after: {
        handoffId: after.id,
        key: after.key,
        kind: after.kind,
        outcome: after.outcome,
        detail: after.detail,
        destination: after.destination,
        assignee: after.assignee,
        hubspotTaskId: after.hubspotTaskId,
      },
    });
  }
  deps.logger.info(
    { portalId, key: after.key, kind: after.kind, outcome: after.outcome, detail: after.detail },
    'hand-off',
  );
  return after;
}

async function attemptHandoff(
  deps: TaskDeps,
  portalId: number,
  request: HandoffRequest,
  row: HandoffRow,
  now: Date,
): Promise<HandoffAttempt> {
  const [reportSettings, signalSettings, account, companyName] = await Promise.all([
    loadReportSettings(deps.db, deps.logger, portalId),
    loadSignalSettings(deps.db, deps.logger, portalId),
    findPortalAccount(deps.db, portalId),
    loadCompanyName(deps.db, portalId, request.companyId),
  ]);
  const destination = reportSettings.routing[request.kind];
  // The mark is the candidate itself: it is set even when marketing has no destination yet, once (a retry of
  // a not-routed hand-off, every job pass, must not rewrite the company each time).
  if (request.kind === 'marketing' && (row.attempts === 0 || row.outcome === 'failed')) {
    await markReferenceCandidate(deps.gateway.forPortal(portalId), request.companyId, now);
  }

  const decision = await routeDestination(deps.db, portalId, destination, now, account?.timeZone ?? 'UTC');
  if (!decision.routed) {
    return {
      outcome: 'not_routed',
      destination: destinationRecord(destination),
      assignee: null,
      detail: notRoutedDetail(request.kind, decision),
      hubspotTaskId: null,
    };
  }
  const assignee: HandoffAssignee = decision.assignee;
  const text = handoffTaskText(
    request.facts,
    {
      portalId,
      companyId: request.companyId,
      companyName: companyName ?? null,
      language: signalSettings.routing.taskLanguage,
    },
    now,
  );
  const created = await createTaskOnce(deps, {
    portalId,
    companyId: request.companyId,
    key: row.key,
    subject: text.subject,
    body: text.body,
    dueAt: text.dueAt,
    priority: text.priority,
    type: 'TODO',
    ownerId: 'ownerId' in assignee ? assignee.ownerId : null,
  });
  if (created.outcome === 'in_progress') {
    return {
      outcome: 'pending',
      destination: destinationRecord(destination),
      assignee,
      detail: 'Another Harbor instance is creating the task right now.',
      hubspotTaskId: null,
    };
  }
  const taskId = created.task.hubspotTaskId;
  const gateway = deps.gateway.forPortal(portalId);
  // Repeatable: the same association or queue twice changes nothing, so a retry after a failure here is safe.
  for (const field of ['ticketId', 'dealId'] as const) {
    const id = request[field];
    if (id !== undefined) {
      await gateway.createDefaultAssociation(
        { objectType: 'tasks', id: taskId },
        { objectType: linkedObjectType[field], id },
      );
    }
  }
  if ('queueId' in assignee) await putTaskInQueue(gateway, taskId, assignee.queueId);
  return {
    outcome: 'created',
    destination: destinationRecord(destination),
    assignee,
    detail: null,
    hubspotTaskId: taskId,
  };
}
