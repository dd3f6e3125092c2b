import type { SignalThresholds } from '@harbor/wire';

import type { SignalFiring, SignalInputs } from '../signal-types.ts';
import { evidence, withinDays } from './rule-helpers.pure.ts';

/**
 * The health score is below `belowScore`, or the tier dropped into at_risk within `tierDropWithinDays`.
 * Severity: 20 or more points under the threshold is critical; under it, high; a fresh drop to at_risk with
 * the score still at or above the threshold, medium. No score (too little data) never fires.
 */
export function lowHealthRule(
  inputs: SignalInputs,
  thresholds: SignalThresholds['low_health'],
  now: number,
): SignalFiring | null {
  const { health } = inputs;
  if (health === null || !Number.isFinite(health.score)) return null;
  const below = health.score < thresholds.belowScore;
  const dropped =
    health.tier === 'at_risk' &&
    health.previousTier !== null &&
    health.previousTier !== 'at_risk' &&
    health.tierChangedAt !== null &&
    withinDays(health.tierChangedAt, now, thresholds.tierDropWithinDays);
  if (!below && !dropped) return null;
  const severity = below ? (health.score < thresholds.belowScore - 20 ? 'critical' : 'high') : 'medium';
  return {
    type: 'low_health',
    severity,
    evidence: [
      evidence('health_score', health.score),
      evidence('health_threshold', thresholds.belowScore),
      evidence('health_tier', health.tier),
      ...(dropped && health.previousTier !== null && health.tierChangedAt !== null
        ? [
            evidence('previous_tier', health.previousTier),
            evidence('tier_changed', null, health.tierChangedAt),
          ]
        : []),
    ],
  };
}
