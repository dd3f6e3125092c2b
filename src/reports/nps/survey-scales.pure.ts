import type { AnswerBucket, SurveyKind } from './survey-answer.ts';

/**
 * Each survey's own scale and HubSpot's buckets on it: NPS 0–10 (9–10 promoter, 7–8 passive, 0–6 detractor),
 * CSAT 0–2 (HubSpot's 3-point survey: 2 satisfied, 1 neutral, 0 unsatisfied) and CES 1–7 (6–7, 4–5, 1–3).
 * CSAT stays on its 3 points: a 1–5 "top-2-box" figure from another tool is a different number.
 */
const scales: Record<SurveyKind, { min: number; max: number; promoterFrom: number; passiveFrom: number }> = {
  NPS: { min: 0, max: 10, promoterFrom: 9, passiveFrom: 7 },
  CSAT: { min: 0, max: 2, promoterFrom: 2, passiveFrom: 1 },
  CES: { min: 1, max: 7, promoterFrom: 6, passiveFrom: 4 },
};

/** A whole number on the survey's scale; anything else (a typo, a custom survey's value) is no answer. */
export function isOnScale(kind: SurveyKind, value: number): boolean {
  const scale = scales[kind];
  return Number.isInteger(value) && value >= scale.min && value <= scale.max;
}

export function bucketOf(kind: SurveyKind, value: number): AnswerBucket {
  const scale = scales[kind];
  if (value >= scale.promoterFrom) return 'promoter';
  return value >= scale.passiveFrom ? 'passive' : 'detractor';
}
