import type { PreviousHealth } from '../health-types.ts';
import type { Tier, TierBands } from '../model/health-model-schema.ts';
import { DAY_MS } from './property-values.pure.ts';

export interface TierDecision {
  tier: Tier;
  tierSince: number;
  /** Where the score points when the dwell time holds the tier back. */
  pendingTier: Tier | null;
}

/**
 * The tier the score points to from the current one. Leaving a tier takes crossing its exit line, which sits
 * beyond its entry line, so a score wobbling around one threshold does not flip the tier back and forth.
 */
export function bandTier(score: number, bands: TierBands, current: Tier | undefined): Tier {
  if (current === 'healthy' && score >= bands.healthy.exit) return 'healthy';
  if (current === 'at_risk' && score < bands.atRisk.exit) return 'at_risk';
  if (score >= bands.healthy.enter) return 'healthy';
  if (score < bands.atRisk.enter) return 'at_risk';
  return 'watch';
}

/**
 * The tier to show: the banded tier, unless the company entered its current tier less than `minDwellDays`
 * ago, in which case the change waits (reported as pending) until the dwell time has passed.
 */
export function decideTier(
  score: number,
  bands: TierBands,
  previous: PreviousHealth | undefined,
  minDwellDays: number,
  now: number,
): TierDecision {
  const target = bandTier(score, bands, previous?.tier);
  if (previous === undefined) return { tier: target, tierSince: now, pendingTier: null };
  if (target === previous.tier)
    return { tier: previous.tier, tierSince: previous.tierSince, pendingTier: null };
  if (now - previous.tierSince < minDwellDays * DAY_MS) {
    return { tier: previous.tier, tierSince: previous.tierSince, pendingTier: target };
  }
  return { tier: target, tierSince: now, pendingTier: null };
}
