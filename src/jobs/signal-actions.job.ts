import type { SignalActions } from '../automations/signal-actions.ts';
import type { PlaybookService } from '../playbooks/playbook-service.ts';
import type { SignalService } from '../signals/signal-service.ts';
import { listActivePortalIds } from '../store/repositories/portals-repository.ts';
import { syncTaskCompletions } from '../tasks/sync-task-completions.ts';
import type { Job } from './job.ts';

export interface SignalActionsJobDeps {
  signals: SignalService;
  playbooks: PlaybookService;
  signalActions: SignalActions;
  /** Creates the CS lead's task for escalations whose task HubSpot did not take at the time. */
  retryEscalationTasks(portalId: number): Promise<unknown>;
  /** Completes the workflow steps waiting for playbooks that finished, were cancelled or expired. */
  completeWaitingActions(portalId: number): Promise<unknown>;
  /** Hands critical tickets on at-risk accounts to support and healthy promoters to marketing (src/handoffs). */
  runHandoffTriggers?(portalId: number): Promise<unknown>;
}

/**
 * Every five minutes per portal, in this order: read back the Harbor tasks people completed in HubSpot, move
 * the playbooks those completions advance (and steps waiting for a cap or a retry), complete the workflow steps
 * waiting for playbooks that ended, run automations that have
 * not run yet or failed, escalate overdue risks, retry escalation tasks HubSpot did not take, and run the
 * hand-offs (support, marketing) whose trigger holds. One lease
 * keeps two instances from doing a portal's pass at once; every step is also safe to repeat.
 */
export function signalActionsJob(services: SignalActionsJobDeps, schedule = '*/5 * * * *'): Job {
  return {
    name: 'signal-actions',
    schedule,
    lease: 'actions',
    portals: (deps) => listActivePortalIds(deps.db),
    async run(deps, context) {
      const { portalId, logger } = context;
      const completions = await syncTaskCompletions(deps, portalId);
      const advanced = await services.playbooks.advancePortal(portalId);
      // Right after the advance: a workflow waiting for a playbook that just completed moves on this pass.
      await services.completeWaitingActions(portalId);
      if (context.signal.aborted) return;
      const automations = await services.signalActions.runAutomations(portalId);
      const escalated = await services.signals.escalateOverdue(portalId);
      await services.retryEscalationTasks(portalId);
      await services.runHandoffTriggers?.(portalId);
      if (
        completions.completedKeys.length > 0 ||
        advanced.runs > 0 ||
        automations.considered > 0 ||
        escalated > 0
      )
        logger.info(
          {
            completed: completions.completedKeys.length,
            advanced,
            automations: automations.outcomes,
            escalated,
          },
          'signal actions pass',
        );
    },
  };
}
