import { describe, expect, it } from 'vitest';

import type { SignalHealth } from '../signal-types.ts';
import { expansionRule } from './expansion.pure.ts';
import { largeOnboardingRule } from './large-onboarding.pure.ts';
import { renewalWindowRule } from './renewal-window.pure.ts';
import { company, DAY_MS, NOW } from './signal-inputs.fixture.ts';

const healthy: SignalHealth = { score: 80, tier: 'healthy', previousTier: null, tierChangedAt: null };
const watch: SignalHealth = { ...healthy, score: 60, tier: 'watch' };

describe('expansion', () => {
  const thresholds = { enabled: true, minSeatUtilisation: 0.9, minLoginGrowth: 0.25, minPreviousLogins: 30 };
  const rule = (properties: Record<string, string | null>, health: SignalHealth | null = healthy) =>
    expansionRule(company({ health }, properties), thresholds);

  it('when a healthy company uses 90 of 100 seats, then it fires medium; 89, it does not', () => {
    expect(rule({ active_users_30d: '90' })).toEqual({
      type: 'expansion',
      severity: 'medium',
      evidence: [
        { key: 'active_users', value: 90 },
        { key: 'seats', value: 100 },
        { key: 'seat_utilisation', value: 0.9 },
        { key: 'health_tier', value: 'healthy' },
      ],
    });
    expect(rule({ active_users_30d: '89' })).toBeNull();
  });

  it('when it uses more users than seats, then it is high', () => {
    expect(rule({ active_users_30d: '104' })?.severity).toBe('high');
  });

  it('when logins grew from 700 to 875 (25 %), then it fires; to 874, it does not', () => {
    expect(rule({ logins_30d: '875' })?.evidence).toContainEqual({ key: 'login_growth_share', value: 0.25 });
    expect(rule({ logins_30d: '874' })).toBeNull();
  });

  it('when the tier is not healthy or unknown, then it does not fire', () => {
    expect(rule({ active_users_30d: '100' }, watch)).toBeNull();
    expect(rule({ active_users_30d: '100' }, null)).toBeNull();
  });

  it('when seats or logins are missing, then nothing fires', () => {
    expect(
      rule({ seats_purchased: null, active_users_30d: '100', logins_prev_30d: null, logins_30d: '5000' }),
    ).toBeNull();
  });
});

describe('renewal window', () => {
  const thresholds = {
    enabled: true,
    window: { fromDays: 60, toDays: 90 },
    renewalDateProperty: 'renewal_date',
  };
  const renewingIn = (days: number) => new Date(NOW + days * DAY_MS).toISOString().slice(0, 10);
  const rule = (renewal: string | null, health: SignalHealth | null = healthy) =>
    renewalWindowRule(company({ health }, { renewal_date: renewal }), thresholds, NOW);

  it('when the renewal is 75 days ahead, then it fires with the date and days; low for a healthy company', () => {
    // NOW is noon; a date property is midnight UTC, so "76 days" on the calendar is 75.5 days away.
    expect(rule(renewingIn(76))).toEqual({
      type: 'renewal_window',
      severity: 'low',
      evidence: [
        { key: 'renewal_date', value: null, at: '2026-08-30T00:00:00.000Z' },
        { key: 'days_to_renewal', value: 75 },
        { key: 'health_tier', value: 'healthy' },
      ],
    });
  });

  it('when the renewal is 59.5 or 91.5 days ahead, then it does not fire; 60.5 or 90.5, it does', () => {
    expect(rule(renewingIn(60))).toBeNull();
    expect(rule(renewingIn(92))).toBeNull();
    expect(rule(renewingIn(61))).not.toBeNull();
    expect(rule(renewingIn(91))).not.toBeNull();
  });

  it('when the company is at risk, then it is high; watch, medium', () => {
    expect(rule(renewingIn(70), { ...healthy, score: 30, tier: 'at_risk' })?.severity).toBe('high');
    expect(rule(renewingIn(70), watch)?.severity).toBe('medium');
  });

  it('when the renewal date is missing or unreadable, or no property is set, then nothing fires', () => {
    expect(rule(null)).toBeNull();
    expect(rule('soon')).toBeNull();
    expect(renewalWindowRule(company(), { ...thresholds, renewalDateProperty: null }, NOW)).toBeNull();
  });
});

describe('large onboarding', () => {
  const thresholds = {
    enabled: true,
    withinDays: 90,
    minContractValue: 50_000,
    segments: ['ENTERPRISE'],
    contractValueProperty: 'contract_value',
  };
  const created = (daysAgo: number) => new Date(NOW - daysAgo * DAY_MS).toISOString();
  const rule = (properties: Record<string, string | null>, segment = 'MID_MARKET') =>
    largeOnboardingRule(company({ segment }, properties), thresholds, NOW);

  it('when a company created 30 days ago has a 50,000 contract, then it fires medium; 100,000 is high', () => {
    expect(rule({ createdate: created(30), contract_value: '50000' })).toEqual({
      type: 'large_onboarding',
      severity: 'medium',
      evidence: [
        { key: 'company_created', value: null, at: '2026-05-16T12:00:00.000Z' },
        { key: 'contract_value', value: 50_000 },
        { key: 'segment', value: 'MID_MARKET' },
      ],
    });
    expect(rule({ createdate: created(30), contract_value: '100000' })?.severity).toBe('high');
  });

  it('when the contract is 49,999, or the company is 91 days old, then it does not fire', () => {
    expect(rule({ createdate: created(30), contract_value: '49999' })).toBeNull();
    expect(rule({ createdate: created(91), contract_value: '90000' })).toBeNull();
  });

  it('when the company is in a listed segment, then any contract value fires', () => {
    expect(rule({ createdate: created(10), contract_value: null }, 'ENTERPRISE')).not.toBeNull();
  });

  it('when the creation date is missing, then nothing fires', () => {
    expect(rule({ createdate: null, contract_value: '900000' }, 'ENTERPRISE')).toBeNull();
  });
});
