import {
  automationTriggers,
  defaultPlaybooks,
  playbookTemplateFor,
  thresholdsFor,
  type AutomationTrigger,
  type PlaybookType,
  type SignalThresholds,
  type StrategyPlaybookWire,
  type StrategySegmentWire,
  type StrategyThresholdsWire,
  type StrategyTriggerWire,
} from '@harbor/wire';

import type { ActionSettings } from '../../signals/signal-settings-store.ts';

type TriggerPlan = Pick<StrategySegmentWire, 'triggers' | 'triggersOff'>;

/**
 * What Harbor does by itself in a segment: each automation trigger that can act (its automation on, its
 * signal rule on in the segment, the renewal window with a renewal-date property to read), with the
 * thresholds that fire it and the playbook it starts as a company of the segment would get it; and the rest
 * with the reason they never act. `all` is the portal-wide settings, before any segment's overrides.
 */
export function strategyTriggersOf(settings: ActionSettings, segment: string): TriggerPlan {
  const isBook = segment === 'all';
  const thresholds = isBook ? settings.signals.defaults : thresholdsFor(settings.signals, segment);
  const plan: TriggerPlan = { triggers: [], triggersOff: [] };
  for (const trigger of automationTriggers) {
    const automation = settings.automations.triggers[trigger];
    if (!automation.enabled) {
      plan.triggersOff.push({ trigger, reason: 'automation_off' });
    } else if (!thresholds[trigger].enabled) {
      plan.triggersOff.push({ trigger, reason: 'rule_off' });
    } else if (trigger === 'renewal_window' && settings.signals.properties.renewalDate === null) {
      plan.triggersOff.push({ trigger, reason: 'no_renewal_date' });
    } else {
      const { action } = automation;
      const entry: StrategyTriggerWire = {
        trigger,
        action,
        playbook: action.kind === 'start_playbook' ? playbookOf(settings, segment, action.playbook) : null,
        thresholds: thresholdsOf(trigger, thresholds, settings, segment),
      };
      plan.triggers.push(entry);
    }
  }
  return plan;
}

function playbookOf(settings: ActionSettings, segment: string, type: PlaybookType): StrategyPlaybookWire {
  const language = settings.signals.routing.taskLanguage;
  const template =
    segment === 'all'
      ? (settings.playbooks.templates[type] ?? defaultPlaybooks[type][language])
      : playbookTemplateFor(settings.playbooks, segment, type, language);
  return {
    playbook: type,
    enabled: template.enabled,
    steps: template.steps.map((step) => ({ title: step.title, dueInDays: step.dueInDays })),
  };
}

function thresholdsOf(
  trigger: AutomationTrigger,
  rules: SignalThresholds,
  settings: ActionSettings,
  segment: string,
): StrategyThresholdsWire {
  switch (trigger) {
    case 'low_health':
      return {
        trigger,
        belowScore: rules.low_health.belowScore,
        tierDropWithinDays: rules.low_health.tierDropWithinDays,
      };
    case 'renewal_window':
      return {
        trigger,
        fromDays: settings.signals.renewalWindow.fromDays,
        toDays: settings.signals.renewalWindow.toDays,
      };
    case 'detractor':
      return { trigger, maxNps: rules.detractor.maxNps, withinDays: rules.detractor.withinDays };
    case 'large_onboarding':
      return {
        trigger,
        withinDays: rules.large_onboarding.withinDays,
        minContractValue: rules.large_onboarding.minContractValue,
        wholeSegment: segment !== 'all' && rules.large_onboarding.segments.includes(segment),
      };
    case 'expansion':
      return {
        trigger,
        minSeatUtilisation: rules.expansion.minSeatUtilisation,
        minLoginGrowth: rules.expansion.minLoginGrowth,
        minPreviousLogins: rules.expansion.minPreviousLogins,
      };
    case 'usage_drop':
      return {
        trigger,
        minDropShare: rules.usage_drop.minDropShare,
        minPreviousLogins: rules.usage_drop.minPreviousLogins,
        minSeatUtilisation: rules.usage_drop.minSeatUtilisation,
      };
    case 'critical_ticket':
      return {
        trigger,
        slaMultiple: rules.critical_ticket.slaMultiple,
        escalated: rules.critical_ticket.escalated,
        minOpenTickets: rules.critical_ticket.minOpenTickets,
      };
    case 'late_payment':
      return {
        trigger,
        minDaysPastDue: rules.late_payment.minDaysPastDue,
        invoiceStatuses: [...rules.late_payment.invoiceStatuses],
      };
  }
}
