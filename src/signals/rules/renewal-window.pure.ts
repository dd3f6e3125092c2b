import type { SignalSettings } from '@harbor/wire';

import { readTime } from '../../health/engine/property-values.pure.ts';
import type { SignalFiring, SignalInputs, SignalSeverity } from '../signal-types.ts';
import { DAY_MS, evidence } from './rule-helpers.pure.ts';

interface Thresholds {
  enabled: boolean;
  window: SignalSettings['renewalWindow'];
  renewalDateProperty: string | null;
}

/**
 * The renewal date is between `fromDays` and `toDays` ahead: time to prepare the renewal. Severity follows
 * the company's tier, since a renewal at risk needs the most preparation: at_risk high, watch (or no score)
 * medium, healthy low.
 */
export function renewalWindowRule(
  inputs: SignalInputs,
  thresholds: Thresholds,
  now: number,
): SignalFiring | null {
  if (thresholds.renewalDateProperty === null) return null;
  const renewal = readTime(inputs.properties[thresholds.renewalDateProperty]);
  if (renewal === null) return null;
  const daysAhead = Math.floor((renewal - now) / DAY_MS);
  if (daysAhead < thresholds.window.fromDays || daysAhead > thresholds.window.toDays) return null;
  const tier = inputs.health?.tier ?? null;
  const severity: SignalSeverity = tier === 'at_risk' ? 'high' : tier === 'healthy' ? 'low' : 'medium';
  return {
    type: 'renewal_window',
    severity,
    evidence: [
      evidence('renewal_date', null, renewal),
      evidence('days_to_renewal', daysAhead),
      ...(tier === null ? [] : [evidence('health_tier', tier)]),
    ],
  };
}
