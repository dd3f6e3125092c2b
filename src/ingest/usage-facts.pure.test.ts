import { describe, expect, it } from 'vitest';

import type { CompanyHealthInputs, UsageFacts } from '../health/health-types.ts';
import { usageIndicators } from '../health/engine/usage-indicators.pure.ts';
import { defaultHealthModel } from '../health/model/default-health-model.ts';
import { company } from '../signals/rules/signal-inputs.fixture.ts';
import { usageDropRule } from '../signals/rules/usage-drop.pure.ts';
import { usageFactsOf } from './usage-facts.pure.ts';

/** Tuesday 24 November 2026, noon UTC. */
const now = Date.UTC(2026, 10, 24, 12);
const day = (date: string, metric: string, value: number) => ({ date, metric, value });

describe('usage facts from ingested days', () => {
  const days = [
    day('2026-11-24', 'seats', 20),
    day('2026-11-22', 'logins', 10),
    day('2026-11-20', 'activeUsers', 8),
    day('2026-11-10', 'feature:reports', 3),
    day('2026-11-01', 'feature:export', 0),
    day('2026-10-30', 'logins', 5), // 25 days back: this month
    day('2026-10-25', 'logins', 0), // 30 days back: the month before
    day('2026-10-20', 'logins', 30),
    day('2026-10-20', 'activeUsers', 10), // 35 days back: "a month ago"
    day('2026-10-01', 'feature:old', 5), // 54 days back: not this month's breadth
    day('2026-10-01', 'activeUsers', 50),
    day('2026-09-26', 'logins', 10), // 59 days back: still the month before
    day('2026-09-25', 'logins', 100), // 60 days back: neither month
    day('2026-11-25', 'logins', 999), // tomorrow: not counted
  ];

  it('when a product pushed a mix of days, then each fact reads its own window (hand-worked)', () => {
    expect(usageFactsOf(days, now)).toEqual<UsageFacts>({
      activeUsers: 8,
      seats: 20,
      logins: 15,
      loginsPrevious: 40,
      featuresUsed: 1,
      lastActivityAt: Date.UTC(2026, 10, 22),
      activeUsersMonthAgo: 10,
    });
  });

  it('when the product never sent a metric, then its fact is null (the property is read instead)', () => {
    expect(usageFactsOf([day('2026-11-23', 'minutes', 30)], now)).toEqual<UsageFacts>({
      activeUsers: null,
      seats: null,
      logins: null,
      loginsPrevious: null,
      featuresUsed: null,
      lastActivityAt: Date.UTC(2026, 10, 23),
      activeUsersMonthAgo: null,
    });
  });

  it('when logins were reported only long ago, then this month counts as none (a silent month is a drop)', () => {
    const facts = usageFactsOf([day('2026-10-10', 'logins', 50)], now);
    expect([facts.logins, facts.loginsPrevious]).toEqual([0, 50]);
  });
});

describe('ingested usage in the usage score and the usage-drop signal', () => {
  const facts: UsageFacts = {
    activeUsers: 8,
    seats: 20,
    logins: 15,
    loginsPrevious: 40,
    featuresUsed: 1,
    lastActivityAt: Date.UTC(2026, 10, 22),
    activeUsersMonthAgo: 10,
  };
  const readings = (properties: CompanyHealthInputs['properties'], usage?: UsageFacts) => {
    const inputs: CompanyHealthInputs = { companyId: '1', properties, tickets: [], feedback: [], usage };
    const list = usageIndicators({ inputs, model: defaultHealthModel, now });
    return Object.fromEntries(list.map((reading) => [reading.id, reading.value]));
  };

  it('when Harbor has ingested usage, then it is read before the mapped properties', () => {
    const properties = {
      seats_purchased: '100',
      active_users_30d: '90',
      logins_30d: '700',
      logins_prev_30d: '700',
    };
    expect(readings(properties, facts)).toEqual({
      seat_utilisation: 0.4, // 8 / 20
      login_trend: 0.375, // 15 / 40
      feature_breadth: 1,
      days_since_last_activity: 2, // 22 Nov 00:00 to 24 Nov 12:00
    });
    // Without ingested usage the properties decide: 90 / 100 and 700 / 700.
    expect(readings(properties)).toMatchObject({ seat_utilisation: 0.9, login_trend: 1 });
  });

  it('when the product does not send seats, then the seats property is the fallback', () => {
    expect(readings({ seats_purchased: '100' }, { ...facts, seats: null }).seat_utilisation).toBe(0.08);
  });

  it('when ingested logins fell 62.5 % and active users 20 % against a month ago, then usage drop fires high on the logins', () => {
    const thresholds = { enabled: true, minDropShare: 0.3, minPreviousLogins: 30, minSeatUtilisation: 0.35 };
    // The properties say nothing changed (700 → 700, 70 of 100 seats); the ingested usage says otherwise.
    const firing = usageDropRule(
      company({ usage: facts, previousActiveUsers: facts.activeUsersMonthAgo }),
      thresholds,
    );
    expect(firing?.severity).toBe('high');
    expect(firing?.evidence).toEqual([
      { key: 'logins', value: 15 },
      { key: 'logins_previous', value: 40 },
      { key: 'login_drop_share', value: 0.625 },
    ]);
  });
});
