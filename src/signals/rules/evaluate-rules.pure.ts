import { thresholdsFor, type SignalSettings } from '@harbor/wire';

import type { SignalFiring, SignalInputs, SignalType } from '../signal-types.ts';
import { criticalTicketRule } from './critical-ticket.pure.ts';
import { executiveComplaintRule } from './executive-complaint.pure.ts';
import { expansionRule } from './expansion.pure.ts';
import { largeOnboardingRule } from './large-onboarding.pure.ts';
import { latePaymentRule } from './late-payment.pure.ts';
import { lowHealthRule } from './low-health.pure.ts';
import { renewalWindowRule } from './renewal-window.pure.ts';
import { advocacyRule, detractorRule } from './survey-answers.pure.ts';
import { usageDropRule } from './usage-drop.pure.ts';

/**
 * Every rule that fires for one company as of `now`, in a fixed order (risks first), at most one firing per
 * signal type. Thresholds are the company's segment's (defaults with the segment's overrides); a rule
 * switched off there never runs.
 */
export function evaluateRules(inputs: SignalInputs, settings: SignalSettings, now: number): SignalFiring[] {
  const t = thresholdsFor(settings, inputs.segment);
  const rules: [SignalType, boolean, () => SignalFiring | null][] = [
    ['usage_drop', t.usage_drop.enabled, () => usageDropRule(inputs, t.usage_drop)],
    ['critical_ticket', t.critical_ticket.enabled, () => criticalTicketRule(inputs, t.critical_ticket, now)],
    ['late_payment', t.late_payment.enabled, () => latePaymentRule(inputs, t.late_payment)],
    [
      'executive_complaint',
      t.executive_complaint.enabled,
      () =>
        executiveComplaintRule(
          inputs,
          { ...t.executive_complaint, executiveTitles: settings.executiveTitles },
          now,
        ),
    ],
    ['detractor', t.detractor.enabled, () => detractorRule(inputs, t.detractor, now)],
    ['low_health', t.low_health.enabled, () => lowHealthRule(inputs, t.low_health, now)],
    ['expansion', t.expansion.enabled, () => expansionRule(inputs, t.expansion)],
    ['advocacy', t.advocacy.enabled, () => advocacyRule(inputs, t.advocacy, now)],
    [
      'renewal_window',
      t.renewal_window.enabled,
      () =>
        renewalWindowRule(
          inputs,
          {
            enabled: t.renewal_window.enabled,
            window: settings.renewalWindow,
            renewalDateProperty: settings.properties.renewalDate,
          },
          now,
        ),
    ],
    [
      'large_onboarding',
      t.large_onboarding.enabled,
      () =>
        largeOnboardingRule(
          inputs,
          { ...t.large_onboarding, contractValueProperty: settings.properties.contractValue },
          now,
        ),
    ],
  ];
  const firings: SignalFiring[] = [];
  for (const [, enabled, run] of rules) {
    if (!enabled) continue;
    const firing = run();
    if (firing !== null) firings.push(firing);
  }
  return firings;
}
