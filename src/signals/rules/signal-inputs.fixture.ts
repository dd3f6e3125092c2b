import { defaultHealthModel } from '../../health/model/default-health-model.ts';
import type { SignalInputs } from '../signal-types.ts';

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
/** The tests' "now": 15 June 2026, noon UTC. */
export const NOW = Date.UTC(2026, 5, 15, 12);

/**
 * A company with nothing remarkable: 100 seats, 70 active (70 %), 700 logins against 700 the month before,
 * nothing past due, no tickets, no answers, a healthy 80. Each test changes only what its rule reads.
 */
export function company(
  overrides: Partial<SignalInputs> = {},
  properties: Record<string, string | null> = {},
): SignalInputs {
  return {
    companyId: '42',
    properties: {
      seats_purchased: '100',
      active_users_30d: '70',
      logins_30d: '700',
      logins_prev_30d: '700',
      days_past_due: '0',
      invoice_status: 'paid',
      createdate: '2024-01-10T09:00:00Z',
      contract_value: '20000',
      renewal_date: '2027-03-01',
      ...properties,
    },
    segment: 'MID_MARKET',
    tickets: [],
    feedback: [],
    health: { score: 80, tier: 'healthy', previousTier: null, tierChangedAt: null },
    model: defaultHealthModel,
    ...overrides,
  };
}
