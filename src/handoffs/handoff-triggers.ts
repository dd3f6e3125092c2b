import type { TaskDeps } from '../tasks/task-deps.ts';
import { handOff } from './handoff-service.ts';
import { marketingHandoffFor, supportHandoffFor } from './handoff-triggers.pure.ts';
import { listSignalCandidates } from '../store/repositories/handoffs-repository.ts';

export interface HandoffTriggerSummary {
  considered: number;
  created: number;
  notRouted: number;
  failed: number;
}

/**
 * The automatic hand-offs, run by the five-minute signal-actions job: support for critical tickets on at-risk
 * accounts, marketing for promoters on healthy ones. Each candidate goes through handOff with its key, so a
 * pass repeats nothing done and retries what failed; one candidate's failure never stops the others.
 */
export async function runHandoffTriggers(deps: TaskDeps, portalId: number): Promise<HandoffTriggerSummary> {
  const now = deps.now?.() ?? new Date();
  const [tickets, promoters] = await Promise.all([
    listSignalCandidates(deps.db, portalId, 'critical_ticket', 'at_risk'),
    listSignalCandidates(deps.db, portalId, 'advocacy', 'healthy'),
  ]);
  const triggered = [
    ...tickets.flatMap((signal) => supportHandoffFor(signal) ?? []),
    ...promoters.map((signal) => marketingHandoffFor(signal, now)),
  ];
  const summary: HandoffTriggerSummary = {
    considered: triggered.length,
    created: 0,
    notRouted: 0,
    failed: 0,
  };
  for (const handoff of triggered) {
    const row = await handOff(deps, portalId, { ...handoff, requestedBy: 'harbor' });
    if (row.outcome === 'created') summary.created += 1;
    else if (row.outcome === 'not_routed') summary.notRouted += 1;
    else if (row.outcome === 'failed') summary.failed += 1;
  }
  return summary;
}
