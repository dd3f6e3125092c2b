import { describe, expect, it } from 'vitest';

import type { SignalFeedback, SignalHealth } from '../signal-types.ts';
import { company, DAY_MS, NOW } from './signal-inputs.fixture.ts';
import { advocacyRule, detractorRule } from './survey-answers.pure.ts';

const answer = (value: number, daysAgo: number, extra: Partial<SignalFeedback> = {}): SignalFeedback => ({
  id: `f${value}-${daysAgo}`,
  type: 'NPS',
  value,
  submittedAt: NOW - daysAgo * DAY_MS,
  ...extra,
});
const healthy: SignalHealth = { score: 80, tier: 'healthy', previousTier: null, tierChangedAt: null };

describe('detractor', () => {
  const thresholds = { enabled: true, maxNps: 6, withinDays: 90 };
  const rule = (feedback: SignalFeedback[]) => detractorRule(company({ feedback }), thresholds, NOW);

  it('when an NPS 6 came 10 days ago, then it fires medium with the answer', () => {
    expect(rule([answer(6, 10, { comment: 'Too slow' })])).toEqual({
      type: 'detractor',
      severity: 'medium',
      evidence: [
        { key: 'answer_id', value: 'f6-10' },
        { key: 'survey_type', value: 'NPS' },
        { key: 'answer_value', value: 6 },
        { key: 'answer_submitted', value: null, at: '2026-06-05T12:00:00.000Z' },
        { key: 'answer_comment', value: 'Too slow' },
      ],
    });
  });

  it('when the answer is 7, or 91 days old, or a CSAT 0, then it does not fire', () => {
    expect(rule([answer(7, 10)])).toBeNull();
    expect(rule([answer(2, 91)])).toBeNull();
    expect(rule([answer(0, 1, { type: 'CSAT' })])).toBeNull();
  });

  it('when several detractors answered, then the newest is the evidence and 0–3 is high', () => {
    const firing = rule([answer(5, 40), answer(2, 3)]);
    expect(firing?.severity).toBe('high');
    expect(firing?.evidence[0]).toEqual({ key: 'answer_id', value: 'f2-3' });
  });

  it('when an answer is off the scale or not yet given, then it is no answer', () => {
    expect(rule([answer(-1, 1), answer(Number.NaN, 1), answer(3, -1)])).toBeNull();
  });
});

describe('advocacy', () => {
  const thresholds = { enabled: true, minNps: 9, withinDays: 90 };
  const rule = (feedback: SignalFeedback[], health: SignalHealth | null = healthy) =>
    advocacyRule(company({ feedback, health }), thresholds, NOW);

  it('when a healthy company answered 9 twenty days ago, then it fires low; a 10 is medium', () => {
    expect(rule([answer(9, 20)])).toMatchObject({ type: 'advocacy', severity: 'low' });
    expect(rule([answer(10, 20)])?.severity).toBe('medium');
    expect(rule([answer(9, 20)])?.evidence).toContainEqual({ key: 'health_tier', value: 'healthy' });
  });

  it('when the answer is 8, or the tier is watch, or there is no score, then it does not fire', () => {
    expect(rule([answer(8, 20)])).toBeNull();
    expect(rule([answer(10, 20)], { ...healthy, tier: 'watch', score: 60 })).toBeNull();
    expect(rule([answer(10, 20)], null)).toBeNull();
  });
});
