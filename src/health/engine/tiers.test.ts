import { describe, expect, it } from 'vitest';

import type { PreviousHealth } from '../health-types.ts';
import type { Tier, TierBands } from '../model/health-model-schema.ts';
import { bandTier, decideTier } from './tiers.pure.ts';

const DAY_MS = 86_400_000;
const NOW = Date.UTC(2026, 5, 15, 12);
// The default bands: healthy from 70, leaves below 65; at risk below 45, leaves at 50.
const bands: TierBands = { healthy: { enter: 70, exit: 65 }, atRisk: { enter: 45, exit: 50 } };

describe('bandTier: hysteresis at the band edges', () => {
  it.each<[Tier | undefined, number, Tier]>([
    // first scoring: only the enter lines count
    [undefined, 100, 'healthy'],
    [undefined, 70, 'healthy'],
    [undefined, 69.9, 'watch'],
    [undefined, 65, 'watch'],
    [undefined, 50, 'watch'],
    [undefined, 45, 'watch'],
    [undefined, 44.9, 'at_risk'],
    [undefined, 0, 'at_risk'],
    // from watch: the same as a first scoring
    ['watch', 70, 'healthy'],
    ['watch', 69.9, 'watch'],
    ['watch', 45, 'watch'],
    ['watch', 44.9, 'at_risk'],
    // from healthy: stays down to the exit line (65), leaves just below it
    ['healthy', 70, 'healthy'],
    ['healthy', 69.9, 'healthy'],
    ['healthy', 65, 'healthy'],
    ['healthy', 64.9, 'watch'],
    ['healthy', 45, 'watch'],
    ['healthy', 44.9, 'at_risk'],
    // from at risk: stays up to just below the exit line (50), leaves at it
    ['at_risk', 44.9, 'at_risk'],
    ['at_risk', 45, 'at_risk'],
    ['at_risk', 49.9, 'at_risk'],
    ['at_risk', 50, 'watch'],
    ['at_risk', 69.9, 'watch'],
    ['at_risk', 70, 'healthy'],
  ])('when the tier was %s and the score is %d, then %s', (current, score, tier) => {
    expect(bandTier(score, bands, current)).toBe(tier);
  });
});

describe('decideTier: minimum dwell time (7 days)', () => {
  const since = (days: number): number => NOW - days * DAY_MS;

  it.each<[string, PreviousHealth | undefined, number, Tier, number, Tier | null]>([
    // case, previous, score, tier shown, tierSince, pending tier
    ['first scoring (no dwell)', undefined, 80, 'healthy', NOW, null],
    ['first scoring, low', undefined, 30, 'at_risk', NOW, null],
    ['watch for 0 days, score 80', { tier: 'watch', tierSince: NOW }, 80, 'watch', NOW, 'healthy'],
    [
      'watch for 7 days less 1 ms',
      { tier: 'watch', tierSince: since(7) + 1 },
      80,
      'watch',
      since(7) + 1,
      'healthy',
    ],
    ['watch for exactly 7 days', { tier: 'watch', tierSince: since(7) }, 80, 'healthy', NOW, null],
    ['watch for 30 days', { tier: 'watch', tierSince: since(30) }, 80, 'healthy', NOW, null],
    [
      'healthy for 3 days, score 30',
      { tier: 'healthy', tierSince: since(3) },
      30,
      'healthy',
      since(3),
      'at_risk',
    ],
    ['healthy for 8 days, score 30', { tier: 'healthy', tierSince: since(8) }, 30, 'at_risk', NOW, null],
    // no change wanted: nothing pending, tierSince kept, dwell irrelevant
    [
      'healthy for 1 day, score 66 (inside the band)',
      { tier: 'healthy', tierSince: since(1) },
      66,
      'healthy',
      since(1),
      null,
    ],
    [
      'at risk for 100 days, score 49.9',
      { tier: 'at_risk', tierSince: since(100) },
      49.9,
      'at_risk',
      since(100),
      null,
    ],
  ])('when %s, then %s', (_case, previous, score, tier, tierSince, pendingTier) => {
    expect(decideTier(score, bands, previous, 7, NOW)).toEqual({ tier, tierSince, pendingTier });
  });

  it('when minDwellDays is 0, then a change applies at once', () => {
    expect(decideTier(80, bands, { tier: 'at_risk', tierSince: NOW }, 0, NOW)).toEqual({
      tier: 'healthy',
      tierSince: NOW,
      pendingTier: null,
    });
  });

  it('when the score is pending and then comes back inside the band, then nothing is pending any more', () => {
    const previous: PreviousHealth = { tier: 'healthy', tierSince: since(2) };
    expect(decideTier(60, bands, previous, 7, NOW).pendingTier).toBe('watch');
    expect(decideTier(65, bands, previous, 7, NOW + DAY_MS)).toEqual({
      tier: 'healthy',
      tierSince: since(2),
      pendingTier: null,
    });
  });
});
