import { describe, expect, it } from 'vitest';

import { flatBand, trendOf } from './strategy-trend.pure.ts';
import { dayBefore, periodStartOf, shiftPeriod, strategyWindow } from './strategy-window.pure.ts';

// Every expectation below is worked by hand: x is the period's position (0…3), the line is least squares,
// and the change is slope × (last x − first x).
describe('the trend of a metric over the last four complete periods', () => {
  it('when GRR climbs a point a period, then it is better, and the same climb in logo churn is worse', () => {
    // x̄ = 1.5, ȳ = 0.915; Σ(x−x̄)(y−ȳ) = 0.0225 + 0.0025 + 0.0025 + 0.0225 = 0.05; Σ(x−x̄)² = 5;
    // slope 0.01, change 0.01 × 3 = +0.03.
    expect(trendOf([0.9, 0.91, 0.92, 0.93], true)).toBe('better');
    expect(trendOf([0.9, 0.91, 0.92, 0.93], false)).toBe('worse');
  });

  it('when NRR slides from 105 % to 98 %, then it is worse', () => {
    // ȳ = 1.0125; deviations +0.0375, +0.0075, −0.0125, −0.0325; Σ = −0.05625 − 0.00375 − 0.00625 − 0.04875
    // = −0.115; slope −0.023, change −0.069.
    expect(trendOf([1.05, 1.02, 1.0, 0.98], true)).toBe('worse');
  });

  it('when GRR wobbles around 90 %, then it is flat even though the last period is a point above the first', () => {
    // ȳ = 0.9025; deviations −0.0025, +0.0175, −0.0225, +0.0075; Σ(x−x̄)(y−ȳ) = 0.00375 − 0.00875 − 0.01125
    // + 0.01125 = −0.005; slope −0.001, change −0.003: inside the half-point band (last − first says +0.01).
    expect(trendOf([0.9, 0.92, 0.88, 0.91], true)).toBe('flat');
  });

  it('when periods without customers leave gaps, then the line runs through the figures there are', () => {
    // Points (1, 0.90) and (3, 0.80): slope −0.05, change over x 1→3 = −0.10.
    expect(trendOf([null, 0.9, null, 0.8], true)).toBe('worse');
  });

  it('when fewer than two periods have a figure, then there is no trend', () => {
    expect(trendOf([null, null, null, 0.9], true)).toBeNull();
    expect(trendOf([], true)).toBeNull();
  });

  it('when the change is exactly half a point, then it counts as a move; just under, as flat', () => {
    expect(flatBand).toBe(0.005);
    // Two points: the change is the difference itself.
    expect(trendOf([0.9, 0.905], true)).toBe('better');
    expect(trendOf([0.9, 0.9049], true)).toBe('flat');
    expect(trendOf([0.03, 0.025], false)).toBe('better');
  });
});

describe('the periods a strategy reads', () => {
  it('when today is 4 Dec 2026, then the four complete quarters are Q4 2025 to Q3 2026', () => {
    expect(periodStartOf('2026-12-04', 'quarter')).toBe('2026-10-01');
    expect(strategyWindow('2026-12-04', 'quarter', 4)).toEqual({ from: '2025-10-01', to: '2026-09-30' });
  });

  it('when the period is a month or a year, then the window is the four before the current one', () => {
    expect(strategyWindow('2026-12-04', 'month', 4)).toEqual({ from: '2026-08-01', to: '2026-11-30' });
    expect(strategyWindow('2026-12-04', 'year', 4)).toEqual({ from: '2022-01-01', to: '2025-12-31' });
  });

  it('when a period crosses a year or a leap day, then the calendar is followed', () => {
    expect(shiftPeriod('2026-01-01', 'month', -1)).toBe('2025-12-01');
    expect(shiftPeriod('2026-01-01', 'quarter', -1)).toBe('2025-10-01');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    expect(periodStartOf('2026-03-31', 'quarter')).toBe('2026-01-01');
  });
});
