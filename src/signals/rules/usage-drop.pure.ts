import type { SignalThresholds } from '@harbor/wire';

import type { SignalFiring, SignalInputs, SignalSeverity } from '../signal-types.ts';
import { evidence, mappedCount, roundTo } from './rule-helpers.pure.ts';

type Thresholds = SignalThresholds['usage_drop'];

/**
 * Usage down: logins of the last 30 days against the 30 before, or active users against about a month ago,
 * fell by at least `minDropShare`; or fewer than `minSeatUtilisation` of the seats bought are in use. An
 * earlier month below `minPreviousLogins` is too small a base to call a drop. Severity: a fall of 60 % or
 * more (or several readings at once) is high, 85 % or more critical (the account has all but stopped).
 */
export function usageDropRule(inputs: SignalInputs, thresholds: Thresholds): SignalFiring | null {
  const evidenceItems = [];
  let worstDrop = 0;
  let readings = 0;

  const logins = mappedCount(inputs, 'logins');
  const previous = mappedCount(inputs, 'loginsPrevious');
  if (logins !== null && previous !== null && previous > 0 && previous >= thresholds.minPreviousLogins) {
    const drop = 1 - logins / previous;
    if (drop >= thresholds.minDropShare) {
      readings += 1;
      worstDrop = Math.max(worstDrop, drop);
      evidenceItems.push(
        evidence('logins', logins),
        evidence('logins_previous', previous),
        evidence('login_drop_share', roundTo(drop, 3)),
      );
    }
  }

  const activeUsers = mappedCount(inputs, 'activeUsers');
  const before = inputs.previousActiveUsers ?? null;
  if (activeUsers !== null && before !== null && before > 0) {
    const drop = 1 - activeUsers / before;
    if (drop >= thresholds.minDropShare) {
      readings += 1;
      worstDrop = Math.max(worstDrop, drop);
      evidenceItems.push(
        evidence('active_users', activeUsers),
        evidence('active_users_previous', before),
        evidence('active_user_drop_share', roundTo(drop, 3)),
      );
    }
  }

  const seats = mappedCount(inputs, 'seats');
  if (activeUsers !== null && seats !== null && seats > 0) {
    const utilisation = activeUsers / seats;
    if (utilisation < thresholds.minSeatUtilisation) {
      readings += 1;
      if (!evidenceItems.some((item) => item.key === 'active_users'))
        evidenceItems.push(evidence('active_users', activeUsers));
      evidenceItems.push(evidence('seats', seats), evidence('seat_utilisation', roundTo(utilisation, 3)));
    }
  }

  if (readings === 0) return null;
  return { type: 'usage_drop', severity: usageSeverity(worstDrop, readings), evidence: evidenceItems };
}

function usageSeverity(drop: number, readings: number): SignalSeverity {
  if (drop >= 0.85) return 'critical';
  return drop >= 0.6 || readings > 1 ? 'high' : 'medium';
}
