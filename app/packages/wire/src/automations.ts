import { z } from 'zod';

import { boundedNumber } from './health-model-limits.ts';
import { isoTimeWire } from './health-score.ts';
import { playbookTypes } from './signals.ts';

/**
 * Automations: what Harbor does by itself when a signal rule fires for a company — start a playbook, create
 * one task for the owner, or only open the signal (the owner then chooses). A trigger's thresholds are its
 * signal rule's (signal settings), so one number decides both the signal and the automation. Each runs once
 * per company and occurrence (one opening of the signal); every run is listed with its outcome.
 */

/** Each trigger is the signal rule of the same name; `low_health` covers "below threshold or tier dropped". */
export const automationTriggers = [
  'low_health',
  'renewal_window',
  'detractor',
  'large_onboarding',
  'expansion',
  'usage_drop',
  'critical_ticket',
  'late_payment',
] as const;
export type AutomationTrigger = (typeof automationTriggers)[number];

export const automationActionWire = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('start_playbook'), playbook: z.enum(playbookTypes) }),
  z.strictObject({ kind: z.literal('create_task') }),
  z.strictObject({ kind: z.literal('open_signal') }),
]);
export type AutomationAction = z.infer<typeof automationActionWire>;

const automation = z.strictObject({
  enabled: z.boolean({ error: 'on or off' }),
  action: automationActionWire,
});

export const weekdays = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;

export const automationSettingsSchema = z.strictObject({
  triggers: z.strictObject(
    Object.fromEntries(automationTriggers.map((trigger) => [trigger, automation])) as Record<
      AutomationTrigger,
      typeof automation
    >,
  ),
  /** The weekly review: one task per owner, on this day and hour of the portal's time zone. */
  weeklyReview: z.strictObject({
    enabled: z.boolean({ error: 'on or off' }),
    weekday: z.enum(weekdays),
    hour: boundedNumber(0, 23, 'an hour').int('a whole hour'),
  }),
});
export type AutomationSettings = z.infer<typeof automationSettingsSchema>;

/**
 * Defaults (docs/automations.md): the two moments CS practice never leaves to memory start their playbook
 * by themselves — the renewal window and a detractor's answer; the rest open the signal and leave the
 * choice to the owner, whose due date and escalation still guarantee an action.
 */
export const defaultAutomationSettings: AutomationSettings = {
  triggers: {
    low_health: { enabled: true, action: { kind: 'open_signal' } },
    renewal_window: { enabled: true, action: { kind: 'start_playbook', playbook: 'renewal' } },
    detractor: { enabled: true, action: { kind: 'start_playbook', playbook: 'detractor_follow_up' } },
    large_onboarding: { enabled: true, action: { kind: 'start_playbook', playbook: 'onboarding' } },
    expansion: { enabled: true, action: { kind: 'open_signal' } },
    usage_drop: { enabled: true, action: { kind: 'open_signal' } },
    critical_ticket: { enabled: true, action: { kind: 'open_signal' } },
    late_payment: { enabled: true, action: { kind: 'open_signal' } },
  },
  weeklyReview: { enabled: true, weekday: 'monday', hour: 8 },
};

export const automationOutcomes = [
  /** The playbook started (or was already running for the company). */
  'playbook_started',
  'task_created',
  /** The action is "open the signal": nothing more to do. */
  'signal_opened',
  /** The automation was off, the playbook is off in the segment, or the signal closed meanwhile. */
  'skipped',
  /** HubSpot or the store failed; the next evaluation retries it. */
  'failed',
] as const;

export const automationRunWire = z.strictObject({
  id: z.number().int(),
  trigger: z.enum(automationTriggers),
  companyId: z.string(),
  signalId: z.number().int(),
  action: automationActionWire,
  outcome: z.enum(automationOutcomes),
  /** Why it was skipped or failed, or what it made (the run's id, the task's key). */
  detail: z.string().nullable(),
  at: isoTimeWire,
});
export type AutomationRunWire = z.infer<typeof automationRunWire>;
