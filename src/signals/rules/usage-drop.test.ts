import { describe, expect, it } from 'vitest';

import { company } from './signal-inputs.fixture.ts';
import { usageDropRule } from './usage-drop.pure.ts';

const thresholds = { enabled: true, minDropShare: 0.3, minPreviousLogins: 30, minSeatUtilisation: 0.35 };
const rule = (properties: Record<string, string | null>, previousActiveUsers?: number | null) =>
  usageDropRule(company({ previousActiveUsers }, properties), thresholds);

describe('usage drop', () => {
  it('when logins fell from 700 to 490 (30 %), then it fires with both counts and the share', () => {
    const firing = rule({ logins_30d: '490' });
    expect(firing?.type).toBe('usage_drop');
    expect(firing?.severity).toBe('medium');
    expect(firing?.evidence).toEqual([
      { key: 'logins', value: 490 },
      { key: 'logins_previous', value: 700 },
      { key: 'login_drop_share', value: 0.3 },
    ]);
  });

  it('when logins fell from 700 to 491 (29.9 %), then it does not fire', () => {
    expect(rule({ logins_30d: '491' })).toBeNull();
  });

  it('when logins fell 90 %, then it is critical; 60 %, high', () => {
    expect(rule({ logins_30d: '70' })?.severity).toBe('critical');
    expect(rule({ logins_30d: '280' })?.severity).toBe('high');
  });

  it('when the earlier month had fewer logins than the base (20 → 2), then a 90 % fall is noise', () => {
    expect(rule({ logins_30d: '2', logins_prev_30d: '20' })).toBeNull();
  });

  it('when either login count is missing, then nothing fires (a missing property is not a drop)', () => {
    expect(rule({ logins_30d: null })).toBeNull();
    expect(rule({ logins_prev_30d: '' })).toBeNull();
    expect(rule({ logins_30d: 'n/a' })).toBeNull();
  });

  it('when active users fell from 100 a month ago to 70, then it fires on the active-user drop', () => {
    const firing = rule({}, 100);
    expect(firing?.evidence).toEqual([
      { key: 'active_users', value: 70 },
      { key: 'active_users_previous', value: 100 },
      { key: 'active_user_drop_share', value: 0.3 },
    ]);
  });

  it('when only 34 of 100 seats are active, then it fires on utilisation; 35, it does not', () => {
    expect(rule({ active_users_30d: '34' })?.evidence).toContainEqual({
      key: 'seat_utilisation',
      value: 0.34,
    });
    expect(rule({ active_users_30d: '35' })).toBeNull();
  });

  it('when seats are missing, then low utilisation cannot be told', () => {
    expect(rule({ active_users_30d: '10', seats_purchased: null })).toBeNull();
  });

  it('when logins and utilisation both show it, then it is high', () => {
    expect(rule({ logins_30d: '490', active_users_30d: '30' })?.severity).toBe('high');
  });
});
