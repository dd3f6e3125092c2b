import type { SignalThresholds } from '@harbor/wire';

import { readNumber, readTime } from '../../health/engine/property-values.pure.ts';
import type { SignalFiring, SignalInputs } from '../signal-types.ts';
import { evidence, withinDays } from './rule-helpers.pure.ts';

type Thresholds = SignalThresholds['large_onboarding'] & { contractValueProperty: string | null };

/**
 * A company created (HubSpot's `createdate`) within `withinDays` whose contract value is at least
 * `minContractValue`, or that sits in one of the listed segments. Severity: high at twice the value (a
 * first impression worth the most), medium otherwise.
 */
export function largeOnboardingRule(
  inputs: SignalInputs,
  thresholds: Thresholds,
  now: number,
): SignalFiring | null {
  const created = readTime(inputs.properties.createdate);
  if (created === null || !withinDays(created, now, thresholds.withinDays)) return null;
  const value =
    thresholds.contractValueProperty === null
      ? null
      : readNumber(inputs.properties[thresholds.contractValueProperty]);
  const large = value !== null && value >= thresholds.minContractValue;
  const inSegment = thresholds.segments.includes(inputs.segment);
  if (!large && !inSegment) return null;
  return {
    type: 'large_onboarding',
    severity: value !== null && value >= 2 * thresholds.minContractValue ? 'high' : 'medium',
    evidence: [
      evidence('company_created', null, created),
      ...(value === null ? [] : [evidence('contract_value', value)]),
      evidence('segment', inputs.segment),
    ],
  };
}
