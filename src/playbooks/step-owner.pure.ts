import type { StepOwnerRule } from '@harbor/wire';

export interface OwnerRouting {
  /** The company's HubSpot owner, null when it has none. */
  companyOwnerId: string | null;
  /** The signal settings' fallback owner (companies without an owner). */
  ownerFallbackId: string | null;
  /** The CS lead (the signal settings' escalation owner). */
  csLeadId: string | null;
}

/**
 * Who gets a step's task, decided when the task is created (an owner changed mid-playbook gets the next
 * step). A step for the CS lead goes to the company's owner when no lead is set, so it is never unassigned
 * while someone could own it; null only when the portal names nobody at all.
 */
export function resolveStepOwner(rule: StepOwnerRule, routing: OwnerRouting): string | null {
  const owner = routing.companyOwnerId ?? routing.ownerFallbackId;
  if (rule.kind === 'owner') return rule.ownerId;
  if (rule.kind === 'cs_lead') return routing.csLeadId ?? owner;
  return owner;
}
