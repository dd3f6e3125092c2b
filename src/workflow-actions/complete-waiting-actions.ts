import type { Kysely } from 'kysely';

import type { HubSpotGateway } from '../hubspot/hubspot-gateway.ts';
import { isAppError } from '../shared/errors/app-error.ts';
import type { Logger } from '../shared/logger.ts';
import type { Database } from '../store/database-schema.ts';
import { findRun } from '../store/repositories/playbook-runs-repository.ts';
import {
  listBlockedCalls,
  markCompleted,
  recordCompletionError,
  takeBlockedCall,
} from '../store/repositories/workflow-action-calls-repository.ts';
import { waitOutcome } from './action-outputs.pure.ts';

export interface CompleteWaitingDeps {
  db: Kysely<Database>;
  gateway: HubSpotGateway;
  logger: Logger;
  now?: (() => Date) | undefined;
}

export interface CompletionSummary {
  completed: number;
  waiting: number;
  failed: number;
}

const page = 200;
/** HubSpot no longer has the callback (it expired, or was completed already): retrying cannot help. */
const finalRefusals = new Set(['HUBSPOT_NOT_FOUND', 'HUBSPOT_REJECTED', 'CONFLICT']);

/**
 * Completes the portal's "wait for the playbook" calls whose run has ended or whose wait has passed, through
 * HubSpot's callbacks API: SUCCESS when the playbook's tasks are all done, FAIL_CONTINUE when it was
 * cancelled or the wait expired. One instance takes each call; a failed completion is tried on the next
 * pass. Meant for the scheduler, after the playbooks have been advanced.
 */
export async function completeWaitingActions(
  deps: CompleteWaitingDeps,
  portalId: number,
): Promise<CompletionSummary> {
  const now = deps.now ?? (() => new Date());
  const summary: CompletionSummary = { completed: 0, waiting: 0, failed: 0 };
  const gateway = deps.gateway.forPortal(portalId);
  for (let after = ''; ;) {
    const calls = await listBlockedCalls(deps.db, portalId, after, page);
    for (const call of calls) {
      const at = now();
      const run = await findRun(deps.db, portalId, call.runId);
      const outcome = waitOutcome(
        run && { status: run.status, steps: run.steps.length, completedSteps: run.currentStep },
        call.expiresAt,
        at.getTime(),
      );
      if (outcome.kind === 'wait') {
        summary.waiting += 1;
        continue;
      }
      if (!(await takeBlockedCall(deps.db, portalId, call, at))) continue;
      try {
        await gateway.completeActionCallback(call.callbackId, outcome.outputFields);
        await markCompleted(deps.db, portalId, call.callbackId, outcome.outputFields, now());
        summary.completed += 1;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (isAppError(error) && finalRefusals.has(error.code)) {
          await markCompleted(deps.db, portalId, call.callbackId, outcome.outputFields, now(), message);
          summary.completed += 1;
          continue;
        }
        deps.logger.warn(
          { err: error, portalId, callbackId: call.callbackId },
          'a workflow action callback was not completed; retrying on the next pass',
        );
        await recordCompletionError(deps.db, portalId, call.callbackId, message, now());
        summary.failed += 1;
      }
    }
    if (calls.length < page) break;
    after = calls.at(-1)?.callbackId ?? after;
  }
  if (summary.completed > 0) deps.logger.info({ portalId, ...summary }, 'waiting workflow actions completed');
  return summary;
}
