import { describe, expect, it } from 'vitest';

import type { SignalHealth } from '../signal-types.ts';
import { lowHealthRule } from './low-health.pure.ts';
import { company, DAY_MS, NOW } from './signal-inputs.fixture.ts';

const thresholds = { enabled: true, belowScore: 50, tierDropWithinDays: 30 };
const rule = (health: SignalHealth | null) => lowHealthRule(company({ health }), thresholds, NOW);
const score = (value: number, tier: SignalHealth['tier'] = 'watch'): SignalHealth => ({
  score: value,
  tier,
  previousTier: null,
  tierChangedAt: null,
});

describe('low health', () => {
  it('when the score is 49.9 (threshold 50), then it fires high with score, threshold and tier', () => {
    expect(rule(score(49.9))).toEqual({
      type: 'low_health',
      severity: 'high',
      evidence: [
        { key: 'health_score', value: 49.9 },
        { key: 'health_threshold', value: 50 },
        { key: 'health_tier', value: 'watch' },
      ],
    });
  });

  it('when the score is 50, then it does not fire', () => {
    expect(rule(score(50))).toBeNull();
  });

  it('when the score is below 30 (20 under the threshold), then it is critical', () => {
    expect(rule(score(29.9, 'at_risk'))?.severity).toBe('critical');
    expect(rule(score(30, 'at_risk'))?.severity).toBe('high');
  });

  it('when the tier dropped to at_risk 10 days ago with the score at 52, then it fires medium with the change', () => {
    const changedAt = NOW - 10 * DAY_MS;
    const firing = rule({ score: 52, tier: 'at_risk', previousTier: 'watch', tierChangedAt: changedAt });
    expect(firing?.severity).toBe('medium');
    expect(firing?.evidence).toContainEqual({ key: 'previous_tier', value: 'watch' });
    expect(firing?.evidence).toContainEqual({
      key: 'tier_changed',
      value: null,
      at: '2026-06-05T12:00:00.000Z',
    });
  });

  it('when that drop was 31 days ago, then it no longer fires', () => {
    expect(
      rule({ score: 52, tier: 'at_risk', previousTier: 'watch', tierChangedAt: NOW - 31 * DAY_MS }),
    ).toBeNull();
  });

  it('when the company has no score, then nothing fires', () => {
    expect(rule(null)).toBeNull();
  });
});
