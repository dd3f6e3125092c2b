import { describe, expect, it } from 'vitest';

import type { HealthDriver, HealthResult } from '../health-types.ts';
import { harborPropertyNames } from './harbor-company-properties.ts';
import {
  changedValues,
  describeDriver,
  toWriteBackValues,
  withoutNonFinite,
} from './write-back-values.pure.ts';

const computedAt = Date.parse('2026-12-01T06:00:00.000Z');
const later = Date.parse('2026-12-02T06:00:00.000Z');

const seatDriver: HealthDriver = {
  indicator: 'seat_utilisation',
  component: 'usage',
  label: 'Seat utilisation',
  value: 0.314,
  pointsLost: 12.4,
};

function result(overrides: Partial<HealthResult> = {}): HealthResult {
  return {
    companyId: '42',
    segment: 'smb',
    score: 71.5,
    tier: 'healthy',
    tierSince: computedAt,
    pendingTier: null,
    confidence: 83.4,
    churnProbability: 0.1,
    trend: { d7: 1, d30: -2.5, d90: null },
    components: [],
    topDriver: seatDriver,
    changes: [],
    ...overrides,
  };
}

describe('toWriteBackValues', () => {
  it('when a company is scored, then every value is the string HubSpot stores, rounded to integers', () => {
    expect(toWriteBackValues(result(), 4, computedAt)).toEqual({
      harbor_health_score: '72',
      harbor_health_tier: 'healthy',
      harbor_health_trend_30d: '-3',
      harbor_health_top_driver: 'Seat utilisation 31% (−12 pts)',
      harbor_health_confidence: '83',
      harbor_health_computed_at: '2026-12-01T06:00:00.000Z',
      harbor_health_model_version: '4',
    });
  });

  it('when values round to zero or lie out of range, then no "-0" and confidence stays within 0–100', () => {
    const values = toWriteBackValues(
      result({ score: 0.4, trend: { d7: null, d30: -0.4, d90: null }, confidence: 100.6 }),
      1,
      computedAt,
    );
    expect(values).toMatchObject({
      harbor_health_score: '0',
      harbor_health_trend_30d: '0',
      harbor_health_confidence: '100',
    });
    expect(
      toWriteBackValues(result({ trend: { d7: null, d30: 2.5, d90: null } }), 1, computedAt),
    ).toMatchObject({
      harbor_health_trend_30d: '3',
    });
  });

  it('when there is no 30-day trend or no driver, then those values are empty', () => {
    expect(
      toWriteBackValues(result({ trend: { d7: 1, d30: null, d90: null }, topDriver: null }), 1, computedAt),
    ).toMatchObject({ harbor_health_trend_30d: '', harbor_health_top_driver: '' });
  });

  it('when a company has no score, then score, tier, trend and driver are empty while confidence and version stay', () => {
    expect(toWriteBackValues(result({ score: null, tier: null, confidence: 0 }), 2, computedAt)).toEqual({
      harbor_health_score: '',
      harbor_health_tier: '',
      harbor_health_trend_30d: '',
      harbor_health_top_driver: '',
      harbor_health_confidence: '0',
      harbor_health_computed_at: '2026-12-01T06:00:00.000Z',
      harbor_health_model_version: '2',
    });
  });

  it('covers exactly the Harbor properties', () => {
    expect(Object.keys(toWriteBackValues(result(), 1, computedAt)).sort()).toEqual(
      [...harborPropertyNames].sort(),
    );
  });
});

describe('describeDriver', () => {
  const driver = (overrides: Partial<HealthDriver>): string =>
    describeDriver({ ...seatDriver, ...overrides });

  it.each([
    [
      { indicator: 'urgent_share', label: 'Urgent tickets', value: 0.5, pointsLost: 8 },
      'Urgent tickets 50% (−8 pts)',
    ],
    [
      { indicator: 'days_since_last_activity', label: 'Last activity', value: 45.2, pointsLost: 9.6 },
      'Last activity 45 days (−10 pts)',
    ],
    [
      { indicator: 'days_since_meeting', label: 'Days since last meeting', value: 1, pointsLost: 1 },
      'Days since last meeting 1 (−1 pt)',
    ],
    [
      { indicator: 'days_past_due', label: 'Invoice overdue', value: 1, pointsLost: 3 },
      'Invoice overdue 1 day (−3 pts)',
    ],
    [
      { indicator: 'time_to_close_vs_sla', label: 'Time to close', value: 1.84, pointsLost: 6 },
      'Time to close 1.8× SLA (−6 pts)',
    ],
    [{ indicator: 'nps', label: 'NPS', value: -12.25, pointsLost: 15 }, 'NPS −12.3 (−15 pts)'],
    [
      { indicator: 'open_tickets', label: 'Open tickets', value: 7, pointsLost: 4 },
      'Open tickets 7 (−4 pts)',
    ],
    [
      { indicator: 'invoice_status', label: 'Invoice status', value: 'overdue', pointsLost: 20 },
      'Invoice status overdue (−20 pts)',
    ],
    [{ indicator: 'csat', label: 'CSAT', value: null, pointsLost: 5 }, 'CSAT no data (−5 pts)'],
    [
      { indicator: 'seat_utilisation', label: 'Seat utilisation', value: 0.97, pointsLost: 0.3 },
      'Seat utilisation 97%',
    ],
  ])('%o → %s', (overrides, text) => {
    expect(driver(overrides)).toBe(text);
  });

  it('when the label and value are long, then the text is cut to 200 characters and keeps the points', () => {
    const text = driver({
      indicator: 'custom:plan',
      label: 'L'.repeat(190),
      value: 'v'.repeat(100),
      pointsLost: 30,
    });
    expect(text.length).toBeLessThanOrEqual(200);
    expect(text.endsWith('… (−30 pts)')).toBe(true);
  });
});

describe('changedValues', () => {
  const first = toWriteBackValues(result(), 1, computedAt);

  it('when nothing was written before, then every value is sent, empty ones included', () => {
    const unscored = toWriteBackValues(result({ score: null, tier: null }), 1, computedAt);
    expect(changedValues(undefined, first)).toEqual(first);
    expect(changedValues(undefined, unscored)).toEqual(unscored);
  });

  it('when the values are unchanged, then nothing is sent, even though the computed time moved on', () => {
    expect(changedValues(first, toWriteBackValues(result(), 1, later))).toEqual({});
    // A score that moves within the rounding writes nothing either.
    expect(changedValues(first, toWriteBackValues(result({ score: 71.6 }), 1, later))).toEqual({});
  });

  it('when one value changed, then only it is sent, with the new computed time', () => {
    expect(changedValues(first, toWriteBackValues(result({ score: 64 }), 1, later))).toEqual({
      harbor_health_score: '64',
      harbor_health_computed_at: '2026-12-02T06:00:00.000Z',
    });
  });

  it('when the score goes away, then the cleared values are sent once, and not again', () => {
    const cleared = toWriteBackValues(result({ score: null, tier: null, confidence: 83.4 }), 1, later);
    expect(changedValues(first, cleared)).toEqual({
      harbor_health_score: '',
      harbor_health_tier: '',
      harbor_health_trend_30d: '',
      harbor_health_top_driver: '',
      harbor_health_computed_at: '2026-12-02T06:00:00.000Z',
    });
    expect(
      changedValues(cleared, toWriteBackValues(result({ score: null, tier: null }), 1, later + 1)),
    ).toEqual({});
  });

  it('when a recorded value is missing, then an empty value counts as unchanged and a real one as changed', () => {
    const partial: Record<string, string> = { ...first };
    delete partial.harbor_health_trend_30d;
    delete partial.harbor_health_top_driver;
    const next = { ...first, harbor_health_trend_30d: '' };
    expect(changedValues(partial, next)).toEqual({
      harbor_health_top_driver: first.harbor_health_top_driver,
      harbor_health_computed_at: first.harbor_health_computed_at,
    });
  });

  it('when only the model version changed, then it is written', () => {
    expect(changedValues(first, toWriteBackValues(result(), 2, later))).toEqual({
      harbor_health_model_version: '2',
      harbor_health_computed_at: '2026-12-02T06:00:00.000Z',
    });
  });
});

describe('withoutNonFinite: the last guard before HubSpot', () => {
  it('when a result carries NaN and Infinity, then those numeric values are left out and named, the rest go', () => {
    const broken = toWriteBackValues(
      result({ score: Number.NaN, trend: { d7: null, d30: Number.POSITIVE_INFINITY, d90: null } }),
      3,
      computedAt,
    );
    expect(withoutNonFinite(broken)).toEqual({
      values: {
        harbor_health_tier: 'healthy',
        harbor_health_top_driver: 'Seat utilisation 31% (−12 pts)',
        harbor_health_confidence: '83',
        harbor_health_computed_at: '2026-12-01T06:00:00.000Z',
        harbor_health_model_version: '3',
      },
      skipped: ['harbor_health_score', 'harbor_health_trend_30d'],
    });
  });

  it('when every value is a finite number or empty, then nothing is skipped', () => {
    const unscored = toWriteBackValues(result({ score: null, tier: null }), 1, computedAt);
    expect(withoutNonFinite(unscored)).toEqual({ values: unscored, skipped: [] });
  });

  it('when the top driver holds a non-finite value, then its text says "no data" and costs nothing', () => {
    expect(describeDriver({ ...seatDriver, value: Number.NaN, pointsLost: Number.NaN })).toBe(
      'Seat utilisation no data',
    );
  });
});
