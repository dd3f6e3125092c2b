import { defaultReportSettings, type RetentionRowWire } from '@harbor/wire';
import { describe, expect, it } from 'vitest';

import {
  npsVerdicts,
  planAlertChanges,
  retentionFigures,
  targetVerdicts,
  type MetricFigure,
  type NpsFigure,
} from './alert-rules.pure.ts';
import { alertWindow, periodStartOf } from './alert-window.pure.ts';

/** A retention row from its revenue figures; the ratios are worked out in each test's comments. */
function row(
  segment: string,
  periodStart: string,
  figures: {
    start: number;
    churned: number;
    contraction: number;
    expansion: number;
    logos: number;
    lost: number;
  },
  complete = true,
): RetentionRowWire {
  const { start, churned, contraction, expansion, logos, lost } = figures;
  return {
    segment,
    periodStart,
    periodEnd: periodStart,
    complete,
    customersStart: logos,
    customersChurned: lost,
    startingRevenue: start,
    churnedRevenue: churned,
    contractionRevenue: contraction,
    expansionRevenue: expansion,
    grr: start === 0 ? null : (start - churned - contraction) / start,
    nrr: start === 0 ? null : (start + expansion - contraction - churned) / start,
    logoChurn: logos === 0 ? null : lost / logos,
    grossRevenueChurn: start === 0 ? null : (churned + contraction) / start,
    netRevenueChurn: start === 0 ? null : (churned + contraction - expansion) / start,
  };
}

const quiet = { churned: 0, contraction: 0, expansion: 0, lost: 0 };

describe('the retention target rules', () => {
  it('when SMB’s last complete quarter kept 84 % of revenue against a 90 % target, then GRR is below target there', () => {
    // Q3: 100,000 at the start, 10,000 churned, 6,000 contraction → GRR (100,000 − 16,000) / 100,000 = 0.84.
    // The open Q4 (GRR 0.5) is not judged: it is not over.
    const figures = retentionFigures([
      row('SMB', '2026-07-01', {
        ...quiet,
        start: 100_000,
        churned: 10_000,
        contraction: 6_000,
        logos: 40,
        lost: 2,
      }),
      row('SMB', '2026-10-01', { ...quiet, start: 90_000, churned: 45_000, logos: 38, lost: 9 }, false),
    ]);
    const verdicts = targetVerdicts(figures, [{ segment: 'SMB', metric: 'grr', target: 0.9 }]);
    expect(verdicts).toEqual([
      {
        segment: 'SMB',
        metric: 'grr',
        kind: 'below_target',
        state: 'breach',
        periodStart: '2026-07-01',
        value: 0.84,
        reference: 0.9,
      },
    ]);
  });

  it('when logo churn sits exactly on its target, then it is no breach; one customer more is', () => {
    // 3 of 100 customers lost → 0.03 = the target (a churn target is a ceiling). 4 of 100 → 0.04 > 0.03.
    const on = retentionFigures([row('all', '2026-07-01', { ...quiet, start: 1, logos: 100, lost: 3 })]);
    const over = retentionFigures([row('all', '2026-07-01', { ...quiet, start: 1, logos: 100, lost: 4 })]);
    const target = [{ segment: 'all', metric: 'logoChurn', target: 0.03 } as const];
    expect(targetVerdicts(on, target)).toMatchObject([{ kind: 'below_target', state: 'clear' }]);
    expect(targetVerdicts(over, target)).toMatchObject([
      { kind: 'below_target', state: 'breach', value: 0.04, reference: 0.03 },
    ]);
  });

  it('when logo churn rose two quarters in a row while under target, then it is worsening but not below target', () => {
    // Logo churn: Q1 1/100 = 0.01, Q2 2/100 = 0.02, Q3 2.5 % (5/200 = 0.025): up twice, all under 0.03.
    const figures = retentionFigures([
      row('ENTERPRISE', '2026-01-01', { ...quiet, start: 1, logos: 100, lost: 1 }),
      row('ENTERPRISE', '2026-04-01', { ...quiet, start: 1, logos: 100, lost: 2 }),
      row('ENTERPRISE', '2026-07-01', { ...quiet, start: 1, logos: 200, lost: 5 }),
    ]);
    const verdicts = targetVerdicts(figures, [{ segment: 'ENTERPRISE', metric: 'logoChurn', target: 0.03 }]);
    expect(verdicts).toEqual([
      {
        segment: 'ENTERPRISE',
        metric: 'logoChurn',
        kind: 'below_target',
        state: 'clear',
        periodStart: '2026-07-01',
      },
      {
        segment: 'ENTERPRISE',
        metric: 'logoChurn',
        kind: 'worsening',
        state: 'breach',
        periodStart: '2026-07-01',
        value: 0.025,
        reference: 0.02,
      },
    ]);
  });

  it('when NRR fell once and then held, then it is not worsening; with only two quarters nothing is said of a trend', () => {
    // NRR: Q1 (100 + 10) / 100 = 1.10, Q2 (100 + 5) / 100 = 1.05, Q3 1.05 again: one fall, then flat.
    const rows = [
      row('all', '2026-01-01', { ...quiet, start: 100, expansion: 10, logos: 10 }),
      row('all', '2026-04-01', { ...quiet, start: 100, expansion: 5, logos: 10 }),
      row('all', '2026-07-01', { ...quiet, start: 100, expansion: 5, logos: 10 }),
    ];
    const target = [{ segment: 'all', metric: 'nrr', target: 1.0 } as const];
    expect(targetVerdicts(retentionFigures(rows), target)).toMatchObject([
      { kind: 'below_target', state: 'clear' },
      { kind: 'worsening', state: 'clear' },
    ]);
    expect(targetVerdicts(retentionFigures(rows.slice(1)), target)).toMatchObject([
      { kind: 'below_target', state: 'clear' },
    ]);
  });

  it('when a segment had no customers at the quarter’s start, then its ratios are unknown and no rule judges it', () => {
    const figures = retentionFigures([row('MID', '2026-07-01', { ...quiet, start: 0, logos: 0 })]);
    expect(targetVerdicts(figures, [{ segment: 'MID', metric: 'grr', target: 0.9 }])).toEqual([]);
  });
});

const nps = (
  segment: string,
  periodStart: string,
  responses: number,
  score: number,
  detractorShare: number,
): NpsFigure => ({ segment, periodStart, complete: true, responses, nps: score, detractorShare });

describe('the NPS rules', () => {
  const survey = defaultReportSettings.survey; // NPS alert below 0, detractor rise 10 pp, 10 answers at least.

  it('when a segment’s NPS fell below 0 and its detractors went from 20 % to 35 %, then both NPS alerts fire', () => {
    // Q2: 20 answers, 8 promoters, 8 passives, 4 detractors → NPS (8 − 4) / 20 × 100 = 20, detractors 0.20.
    // Q3: 20 answers, 5 promoters, 8 passives, 7 detractors → NPS (5 − 7) / 20 × 100 = −10, detractors 0.35.
    // Rise: 35 − 20 = 15 pp ≥ 10 pp.
    const verdicts = npsVerdicts(
      [nps('SMB', '2026-04-01', 20, 20, 0.2), nps('SMB', '2026-07-01', 20, -10, 0.35)],
      survey,
    );
    expect(verdicts).toEqual([
      {
        segment: 'SMB',
        metric: 'nps',
        kind: 'nps_below',
        state: 'breach',
        periodStart: '2026-07-01',
        value: -10,
        reference: 0,
      },
      {
        segment: 'SMB',
        metric: 'detractorShare',
        kind: 'detractor_rise',
        state: 'breach',
        periodStart: '2026-07-01',
        value: 0.35,
        reference: 0.2,
      },
    ]);
  });

  it('when the detractor share rose by 9 pp, then there is no rise alert; exactly 10 pp is one', () => {
    // 0.20 → 0.29 is 9 pp; 0.20 → 0.30 is 10 pp (the threshold counts).
    const nine = npsVerdicts(
      [nps('all', '2026-04-01', 50, 30, 0.2), nps('all', '2026-07-01', 50, 25, 0.29)],
      survey,
    );
    const ten = npsVerdicts(
      [nps('all', '2026-04-01', 50, 30, 0.2), nps('all', '2026-07-01', 50, 25, 0.3)],
      survey,
    );
    expect(nine.find((verdict) => verdict.kind === 'detractor_rise')?.state).toBe('clear');
    expect(ten.find((verdict) => verdict.kind === 'detractor_rise')?.state).toBe('breach');
  });

  it('when the last quarter has fewer answers than the minimum, then NPS is not judged at all', () => {
    // 9 answers < 10: the score is hidden in the report, so it raises and clears nothing either.
    expect(
      npsVerdicts([nps('SMB', '2026-04-01', 30, 20, 0.2), nps('SMB', '2026-07-01', 9, -60, 0.8)], survey),
    ).toEqual([]);
  });

  it('when an NPS target is set, then a quarter with too few answers is no value for it', () => {
    const figures: MetricFigure[] = [
      { segment: 'all', metric: 'nps', periodStart: '2026-07-01', complete: true, value: null },
    ];
    expect(targetVerdicts(figures, [{ segment: 'all', metric: 'nps', target: 30 }])).toEqual([]);
  });
});

describe('planning the alert changes', () => {
  const grrTarget = [{ segment: 'SMB', metric: 'grr', target: 0.9 } as const];
  const breach = (periodStart: string, value: number) =>
    ({
      segment: 'SMB',
      metric: 'grr',
      kind: 'below_target',
      state: 'breach',
      periodStart,
      value,
      reference: 0.9,
    }) as const;

  it('when a breach is new, then one alert is raised; when it goes on next quarter, then the same alert follows it', () => {
    expect(planAlertChanges([], [breach('2026-07-01', 0.84)], grrTarget)).toEqual({
      raise: [breach('2026-07-01', 0.84)],
      follow: [],
      close: [],
    });
    const open = [
      { id: 7, segment: 'SMB', metric: 'grr', kind: 'below_target', lastPeriodStart: '2026-07-01' } as const,
    ];
    expect(planAlertChanges(open, [breach('2026-07-01', 0.84)], grrTarget)).toEqual({
      raise: [],
      follow: [],
      close: [],
    });
    expect(planAlertChanges(open, [breach('2026-10-01', 0.86)], grrTarget)).toEqual({
      raise: [],
      follow: [{ id: 7, lastPeriodStart: '2026-10-01', value: 0.86, reference: 0.9 }],
      close: [],
    });
  });

  it('when the metric recovered, then the alert closes; when its target was removed, then it closes as such', () => {
    const open = [
      { id: 7, segment: 'SMB', metric: 'grr', kind: 'below_target', lastPeriodStart: '2026-07-01' } as const,
    ];
    const clear = {
      segment: 'SMB',
      metric: 'grr',
      kind: 'below_target',
      state: 'clear',
      periodStart: '2026-10-01',
    } as const;
    expect(planAlertChanges(open, [clear], grrTarget).close).toEqual([{ id: 7, reason: 'recovered' }]);
    expect(planAlertChanges(open, [], []).close).toEqual([{ id: 7, reason: 'target_removed' }]);
    // No verdict (the quarter's figure is unknown): the alert stays.
    expect(planAlertChanges(open, [], grrTarget).close).toEqual([]);
  });
});

describe('the alert window', () => {
  it('when it is 4 December 2026, then quarters are read from 1 January (Q1, Q2, Q3 complete, Q4 open)', () => {
    const now = new Date('2026-12-04T20:00:00.000Z');
    expect(periodStartOf('quarter', now).toISOString()).toBe('2026-10-01T00:00:00.000Z');
    expect(alertWindow('quarter', now)).toEqual({ from: '2026-01-01', to: '2026-12-04' });
    // Months: November, October, September complete → from 1 September. Years: 2023, 2024, 2025 → 2023.
    expect(alertWindow('month', now).from).toBe('2026-09-01');
    expect(alertWindow('year', now).from).toBe('2023-01-01');
  });
});
