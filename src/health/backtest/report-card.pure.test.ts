import { describe, expect, it } from 'vitest';

import type { Tier } from '../model/health-model-schema.ts';
import { reportCard, type ScoredOutcome } from './report-card.pure.ts';

const row = (
  segment: string,
  churned: boolean,
  score: number | null,
  tier: Tier | null,
  churnProbability: number | null,
): ScoredOutcome => ({ segment, churned, score, tier, churnProbability });

/**
 * SMB (5 rows, one unscored churner): risk = 100 − score = 70 C, 20 C, 50 R, 10 R.
 *   AUC: churner 70 beats both retained, churner 20 beats only 10 → 3 / 4.
 *   Lift: the riskiest tenth (0.4 of an account) is the 70, a churner → rate 1 over 2 / 4 → 2.
 *   Brier: (0.4² + 0.8² + 0.3² + 0.1²) / 4 = 0.9 / 4 = 0.225.
 *   False green: of the two scored churners one was healthy → 0.5 (the unscored one is not counted).
 * ENTERPRISE (2 rows): risk 60 C, 40 R → AUC 1, lift 2, Brier (0.25 + 0.04) / 2 = 0.145, false green 0.
 * MID_MARKET (3 rows, nobody churned): AUC, lift and false green undefined; Brier (0.01 + 0.01 + 0.04) / 3.
 */
const rows: ScoredOutcome[] = [
  row('SMB', true, 30, 'at_risk', 0.6),
  row('ENTERPRISE', true, 40, 'watch', 0.5),
  row('SMB', true, 80, 'healthy', 0.2),
  row('MID_MARKET', false, 70, 'healthy', 0.1),
  row('SMB', false, 50, 'watch', 0.3),
  row('MID_MARKET', false, 75, 'healthy', 0.1),
  row('SMB', false, 90, 'healthy', 0.1),
  row('ENTERPRISE', false, 60, 'watch', 0.2),
  row('SMB', true, null, null, null),
  row('MID_MARKET', false, 85, 'healthy', 0.2),
];

describe('reportCard', () => {
  const card = reportCard(rows);

  it.each([
    [
      'SMB',
      {
        accounts: 5,
        churned: 3,
        unscored: 1,
        auc: 0.75,
        topDecileLift: 2,
        brier: 0.225,
        falseGreenRate: 0.5,
      },
    ],
    [
      'ENTERPRISE',
      { accounts: 2, churned: 1, unscored: 0, auc: 1, topDecileLift: 2, brier: 0.145, falseGreenRate: 0 },
    ],
    [
      'MID_MARKET',
      {
        accounts: 3,
        churned: 0,
        unscored: 0,
        auc: null,
        topDecileLift: null,
        brier: 0.02,
        falseGreenRate: null,
      },
    ],
  ])('when segment %s is graded, then its numbers match the hand count', (segment, expected) => {
    expect(card.segments.find((entry) => entry.segment === segment)).toEqual({ segment, ...expected });
  });

  it('when all segments are graded together, then the overall card matches the hand count', () => {
    // Scored churners' risk 70, 60, 20 against retained 50, 40, 30, 25, 15, 10: 6 + 6 + 2 wins of 18.
    // Lift: the riskiest 0.9 accounts are the 70 churner → 1 over 3 / 9 = 3.
    // Brier: (0.9 + 0.29 + 0.06) / 9 = 0.13888…; false green: 1 healthy of 3 scored churners.
    expect(card.overall).toEqual({
      segment: 'all',
      accounts: 10,
      churned: 4,
      unscored: 1,
      auc: 0.778,
      topDecileLift: 3,
      brier: 0.1389,
      falseGreenRate: 0.333,
    });
  });

  it('when a low score meant churn, then the AUC reads high (risk is 100 − score, not the score)', () => {
    const ordered = reportCard([
      row('SMB', true, 10, 'at_risk', 0.5),
      row('SMB', true, 20, 'at_risk', 0.5),
      row('SMB', false, 80, 'healthy', 0.1),
      row('SMB', false, 90, 'healthy', 0.1),
    ]);
    expect(ordered.overall.auc).toBe(1);
    const reversed = reportCard([
      row('SMB', false, 10, 'at_risk', 0.5),
      row('SMB', false, 20, 'at_risk', 0.5),
      row('SMB', true, 80, 'healthy', 0.1),
      row('SMB', true, 90, 'healthy', 0.1),
    ]);
    expect(reversed.overall.auc).toBe(0);
    expect(reversed.overall.falseGreenRate).toBe(1);
  });

  it('when a company had no score at the scoring date, then it is counted but leaves every metric unchanged', () => {
    const withoutUnscored = reportCard(rows.filter((entry) => entry.score !== null));
    const { accounts, churned, unscored, ...metrics } = card.overall;
    const { accounts: fewer, churned: fewerChurned, unscored: none, ...same } = withoutUnscored.overall;
    expect([accounts, churned, unscored]).toEqual([10, 4, 1]);
    expect([fewer, fewerChurned, none]).toEqual([9, 3, 0]);
    expect(metrics).toEqual(same);
  });

  it('when segments differ in size, then they are listed largest first, ties by name', () => {
    const sized = reportCard([
      ...rows,
      row('AGENCY', false, 50, 'watch', 0.2),
      row('AGENCY', true, 40, 'watch', 0.3),
    ]);
    expect(sized.segments.map((entry) => [entry.segment, entry.accounts])).toEqual([
      ['SMB', 5],
      ['MID_MARKET', 3],
      ['AGENCY', 2],
      ['ENTERPRISE', 2],
    ]);
  });

  it('when there are no rows, then the overall card is empty and there are no segments', () => {
    expect(reportCard([])).toEqual({
      overall: {
        segment: 'all',
        accounts: 0,
        churned: 0,
        unscored: 0,
        auc: null,
        topDecileLift: null,
        brier: null,
        falseGreenRate: null,
      },
      segments: [],
    });
  });
});
