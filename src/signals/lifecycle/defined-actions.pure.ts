import type { SignalType } from '../signal-types.ts';
import type { SignalAction } from './signal-state.ts';

/**
 * The action each signal type is defined to get (issue rule: no signal without one). Risks that need a
 * sequence of work get a playbook; a single hand-off gets one task for the owner: a critical ticket is
 * support's to answer and a late invoice finance's to chase, so the CSM's part is one follow-up with them.
 */
const actions: Record<SignalType, SignalAction> = {
  usage_drop: { kind: 'playbook', playbook: 'adoption' },
  critical_ticket: { kind: 'task' },
  late_payment: { kind: 'task' },
  executive_complaint: { kind: 'playbook', playbook: 'risk' },
  detractor: { kind: 'playbook', playbook: 'detractor_follow_up' },
  low_health: { kind: 'playbook', playbook: 'risk' },
  expansion: { kind: 'playbook', playbook: 'expansion' },
  advocacy: { kind: 'task' },
  renewal_window: { kind: 'playbook', playbook: 'renewal' },
  large_onboarding: { kind: 'playbook', playbook: 'onboarding' },
};

export function definedAction(type: SignalType): SignalAction {
  return actions[type];
}
