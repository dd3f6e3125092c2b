import type { SignalThresholds } from '@harbor/wire';

import type { SignalFeedback, SignalFiring, SignalInputs } from '../signal-types.ts';
import { evidence, withinDays } from './rule-helpers.pure.ts';

/**
 * A low answer on any survey: NPS at or below `maxNps`, CSAT 0 (unhappy on HubSpot's 0–2 scale), CES 1–3
 * (HubSpot's detractor group). A value outside the survey's scale is no answer at all.
 */
export function isLowAnswer(answer: SignalFeedback, maxNps: number): boolean {
  if (answer.type === 'NPS') return answer.value >= 0 && answer.value <= Math.min(10, maxNps);
  if (answer.type === 'CSAT') return answer.value === 0;
  return answer.value >= 1 && answer.value <= 3;
}

function newestNps(
  inputs: SignalInputs,
  now: number,
  days: number,
  accept: (value: number) => boolean,
): SignalFeedback | null {
  let newest: SignalFeedback | null = null;
  for (const answer of inputs.feedback) {
    if (answer.type !== 'NPS' || !(answer.value >= 0 && answer.value <= 10)) continue;
    if (!withinDays(answer.submittedAt, now, days) || !accept(answer.value)) continue;
    if (newest === null || answer.submittedAt > newest.submittedAt) newest = answer;
  }
  return newest;
}

function answerEvidence(answer: SignalFeedback) {
  return [
    evidence('answer_id', answer.id),
    evidence('survey_type', answer.type),
    evidence('answer_value', answer.value),
    evidence('answer_submitted', null, answer.submittedAt),
    ...(answer.contactJobTitle === null || answer.contactJobTitle === undefined
      ? []
      : [evidence('contact_job_title', answer.contactJobTitle)]),
    ...(answer.comment === null || answer.comment === undefined
      ? []
      : [evidence('answer_comment', answer.comment)]),
  ];
}

/**
 * An NPS answer at or below `maxNps` (HubSpot's detractors are 0–6) within `withinDays`; the newest is the
 * evidence. Severity: 0–3 is high (an angry customer), 4 up to the threshold medium.
 */
export function detractorRule(
  inputs: SignalInputs,
  thresholds: SignalThresholds['detractor'],
  now: number,
): SignalFiring | null {
  const answer = newestNps(inputs, now, thresholds.withinDays, (value) => value <= thresholds.maxNps);
  if (answer === null) return null;
  return {
    type: 'detractor',
    severity: answer.value <= 3 ? 'high' : 'medium',
    evidence: answerEvidence(answer),
  };
}

/**
 * Advocacy: an NPS answer at or above `minNps` (promoters are 9–10) within `withinDays`, while the company's
 * tier is healthy; no score, no advocacy. Severity: medium for a 10, low for a 9 (an ask, not an emergency).
 */
export function advocacyRule(
  inputs: SignalInputs,
  thresholds: SignalThresholds['advocacy'],
  now: number,
): SignalFiring | null {
  if (inputs.health?.tier !== 'healthy') return null;
  const answer = newestNps(inputs, now, thresholds.withinDays, (value) => value >= thresholds.minNps);
  if (answer === null) return null;
  return {
    type: 'advocacy',
    severity: answer.value >= 10 ? 'medium' : 'low',
    evidence: [...answerEvidence(answer), evidence('health_tier', inputs.health.tier)],
  };
}
