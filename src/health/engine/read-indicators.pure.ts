import { customIndicators } from './custom-indicators.pure.ts';
import { engagementIndicators } from './engagement-indicators.pure.ts';
import type { IndicatorReading, ScoringContext } from './indicator-reading.ts';
import { paymentIndicators } from './payment-indicators.pure.ts';
import { sentimentIndicators } from './sentiment-indicators.pure.ts';
import { supportIndicators } from './support-indicators.pure.ts';
import { usageIndicators } from './usage-indicators.pure.ts';

/** Every indicator the model defines, read as of `context.now`, whatever its weight (calibration needs all). */
export function readIndicators(context: ScoringContext): IndicatorReading[] {
  return [
    ...usageIndicators(context),
    ...supportIndicators(context),
    ...paymentIndicators(context),
    ...engagementIndicators(context),
    ...sentimentIndicators(context),
    ...customIndicators(context),
  ];
}
