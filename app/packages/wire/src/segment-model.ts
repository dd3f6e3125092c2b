import { z } from 'zod';

import { boundedNumber, maxWeight, maxWeightsPerSegment, pointsSchema } from './health-model-limits.ts';
import { builtInIndicatorIds, indicatorKeyPattern } from './indicators.ts';

/** What a health model holds per segment: how much each indicator weighs, where the tiers lie, churn odds. */

/**
 * Hysteresis bands: a company enters `healthy` at `healthy.enter` and leaves it only below `healthy.exit`;
 * it enters `at_risk` below `atRisk.enter` and leaves it only at `atRisk.exit` or above.
 */
export const tierBandsSchema = z
  .object({
    healthy: z.object({ enter: pointsSchema, exit: pointsSchema }),
    atRisk: z.object({ enter: pointsSchema, exit: pointsSchema }),
  })
  // The order bandTier needs: at-risk enter ≤ at-risk exit ≤ healthy exit ≤ healthy enter. Otherwise a
  // score could be in two tiers at once, or hysteresis would pull a company the wrong way.
  .refine((bands) => bands.healthy.exit <= bands.healthy.enter, {
    message: 'healthy.exit must be ≤ healthy.enter',
    path: ['healthy', 'exit'],
  })
  .refine((bands) => bands.atRisk.exit >= bands.atRisk.enter, {
    message: 'atRisk.exit must be ≥ atRisk.enter',
    path: ['atRisk', 'exit'],
  })
  .refine((bands) => bands.atRisk.exit <= bands.healthy.exit, {
    message: 'atRisk.exit must be ≤ healthy.exit',
    path: ['atRisk', 'exit'],
  });
export type TierBands = z.infer<typeof tierBandsSchema>;

/**
 * Churn probability at the next renewal as sigmoid(intercept + slope · score); slope is negative. The default
 * is about 3 and −0.07, calibration fits similar sizes; the bounds only keep intercept + slope · score a
 * finite number (a slope of −100 per point already makes every score but 0 read as certain).
 */
export const probabilityMapSchema = z.object({
  intercept: boundedNumber(-1000, 1000, 'an intercept'),
  slope: boundedNumber(-100, 0, 'a slope (per score point)'),
});
export type ProbabilityMap = z.infer<typeof probabilityMapSchema>;

export const segmentModelSchema = z.object({
  /**
   * Weight per indicator id (built-in or `custom:<id>`); 0 or absent leaves it out. A component's weight is
   * the sum of its indicators'. At least one must be above 0 (checked with the model, see healthModelSchema).
   */
  weights: z
    .record(z.string().regex(indicatorKeyPattern), boundedNumber(0, maxWeight, 'a weight'), {
      error: (issue) =>
        issue.code === 'invalid_key'
          ? `not an indicator: a built-in id (${builtInIndicatorIds.join(', ')}) or custom:<id>`
          : undefined,
    })
    .refine(
      (weights) => Object.keys(weights).length <= maxWeightsPerSegment,
      `at most ${maxWeightsPerSegment} weights`,
    ),
  tiers: tierBandsSchema,
  probability: probabilityMapSchema,
});
export type SegmentModel = z.infer<typeof segmentModelSchema>;
