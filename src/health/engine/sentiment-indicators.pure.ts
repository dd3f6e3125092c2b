import type { SurveyType } from '../health-types.ts';
import { curveReading, missing, type IndicatorReading, type ScoringContext } from './indicator-reading.ts';
import { DAY_MS, roundTo } from './property-values.pure.ts';

const surveys: readonly { type: SurveyType; id: 'nps' | 'csat' | 'ces'; min: number; max: number }[] = [
  { type: 'NPS', id: 'nps', min: 0, max: 10 },
  // HubSpot's CSAT is a 3-point scale (0 unhappy, 1 neutral, 2 happy), not 1–5 top-two-box.
  { type: 'CSAT', id: 'csat', min: 0, max: 2 },
  { type: 'CES', id: 'ces', min: 1, max: 7 },
];

/**
 * Recency-weighted mean answer per survey type: an answer `halfLifeDays` old counts half, older than
 * `maxAgeDays` not at all. The response count travels with the value, and few answers lower the quality, because
 * an account's NPS from two people is mostly noise (docs/cs-domain.md §2).
 */
export function sentimentIndicators({ inputs, model, now }: ScoringContext): IndicatorReading[] {
  const { halfLifeDays, maxAgeDays, fullConfidenceResponses } = model.sentiment;
  const oldest = now - maxAgeDays * DAY_MS;
  return surveys.map(({ type, id, min, max }) => {
    // The negated comparisons also drop an answer whose time or value is NaN.
    const answers = inputs.feedback.filter(
      (answer) =>
        answer.type === type &&
        answer.submittedAt <= now &&
        answer.submittedAt >= oldest &&
        answer.value >= min &&
        answer.value <= max,
    );
    // Ages count from the newest answer, not from now: the mean is the same, but the newest answer weighs 1,
    // so the weights cannot all underflow to 0 (0.5^(3,000 days / 1 day) is 0) and make the mean 0/0.
    const newest = answers.reduce((latest, answer) => Math.max(latest, answer.submittedAt), oldest);
    let weightSum = 0;
    let valueSum = 0;
    let promoters = 0;
    let detractors = 0;
    for (const answer of answers) {
      const weight = 0.5 ** ((newest - answer.submittedAt) / DAY_MS / halfLifeDays);
      weightSum += weight;
      valueSum += weight * answer.value;
      if (type === 'NPS') {
        if (answer.value >= 9) promoters += 1;
        else if (answer.value <= 6) detractors += 1;
      }
    }
    const responses = answers.length;
    if (responses === 0) return missing(id);
    const reading = curveReading(id, roundTo(valueSum / weightSum, 2), model.curves[id]);
    reading.quality = Math.min(1, responses / fullConfidenceResponses);
    reading.detail =
      type === 'NPS'
        ? { responses, nps: Math.round((100 * (promoters - detractors)) / responses) }
        : { responses };
    return reading;
  });
}
