import type { SignalThresholds } from '@harbor/wire';

import type { SignalFiring, SignalInputs } from '../signal-types.ts';
import { evidence, mappedCount, roundTo } from './rule-helpers.pure.ts';

/**
 * Expansion: a healthy company using at least `minSeatUtilisation` of its seats, or whose logins grew by
 * `minLoginGrowth` or more against the 30 days before (on a base of at least `minPreviousLogins`). Severity:
 * high when it uses all its seats or more (it is buying too few), medium otherwise.
 */
export function expansionRule(
  inputs: SignalInputs,
  thresholds: SignalThresholds['expansion'],
): SignalFiring | null {
  if (inputs.health?.tier !== 'healthy') return null;
  const items = [];
  const seats = mappedCount(inputs, 'seats');
  const activeUsers = mappedCount(inputs, 'activeUsers');
  const utilisation = seats !== null && activeUsers !== null && seats > 0 ? activeUsers / seats : null;
  const full = utilisation !== null && utilisation >= thresholds.minSeatUtilisation;
  if (full && seats !== null && activeUsers !== null) {
    items.push(
      evidence('active_users', activeUsers),
      evidence('seats', seats),
      evidence('seat_utilisation', roundTo(utilisation, 3)),
    );
  }
  const logins = mappedCount(inputs, 'logins');
  const previous = mappedCount(inputs, 'loginsPrevious');
  if (logins !== null && previous !== null && previous > 0 && previous >= thresholds.minPreviousLogins) {
    const growth = logins / previous - 1;
    if (growth >= thresholds.minLoginGrowth) {
      items.push(
        evidence('logins', logins),
        evidence('logins_previous', previous),
        evidence('login_growth_share', roundTo(growth, 3)),
      );
    }
  }
  if (items.length === 0) return null;
  return {
    type: 'expansion',
    severity: utilisation !== null && utilisation >= 1 ? 'high' : 'medium',
    evidence: [...items, evidence('health_tier', inputs.health.tier)],
  };
}
