import { describe, expect, it } from 'vitest';

import type { CompanyHealthInputs } from '../health-types.ts';
import { defaultHealthModel } from '../model/default-health-model.ts';
import type { IndicatorReading } from './indicator-reading.ts';
import { usageIndicators } from './usage-indicators.pure.ts';

const DAY_MS = 86_400_000;
/** Monday 15 June 2026, 12:00 UTC. */
const NOW = Date.UTC(2026, 5, 15, 12);

function usage(properties: CompanyHealthInputs['properties']): Record<string, IndicatorReading> {
  const inputs: CompanyHealthInputs = { companyId: '1', properties, tickets: [], feedback: [] };
  const readings = usageIndicators({ inputs, model: defaultHealthModel, now: NOW });
  return Object.fromEntries(readings.map((reading) => [reading.id, reading]));
}

describe('usage: seat utilisation = active users / seats', () => {
  it.each([
    // seats, active users, value, points (curve [0.2,0] [0.4,35] [0.6,65] [0.8,90] [0.9,100])
    ['100', '50', 0.5, 50],
    ['100', '85', 0.85, 95],
    ['100', '10', 0.1, 0],
    ['100', '120', 1.2, 100],
    // 1/3 rounds to 0.333: (0.333 − 0.2) / 0.2 × 35 = 23.275
    ['3', '1', 0.333, 23.275],
  ])('when seats = %s and active users = %s, then %d gives %d points', (seats, active, value, points) => {
    const reading = usage({ seats_purchased: seats, active_users_30d: active }).seat_utilisation;
    expect(reading?.value).toBe(value);
    expect(reading?.points).toBeCloseTo(points, 9);
  });

  it.each([
    ['0', '5', 'no seats'],
    ['', '5', 'seats blank'],
    [null, '5', 'seats null'],
    [undefined, '5', 'seats absent'],
    ['many', '5', 'seats not a number'],
    ['100', null, 'active users null'],
  ])('when seats = %s and active users = %s (%s), then it is missing', (seats, active, _case) => {
    expect(usage({ seats_purchased: seats, active_users_30d: active }).seat_utilisation).toEqual({
      id: 'seat_utilisation',
      value: null,
      points: null,
      quality: 0,
    });
  });
});

describe('usage: login trend = logins this period / previous period', () => {
  it.each([
    // logins, previous, value, points (curve [0.5,0] [0.75,35] [0.95,70] [1.1,90] [1.3,100])
    ['80', '100', 0.8, 43.75],
    ['75', '100', 0.75, 35],
    ['110', '100', 1.1, 90],
    ['40', '100', 0.4, 0],
    ['0', '40', 0, 0],
    // growth from nothing reads as 2 (doubling), not infinity
    ['50', '0', 2, 100],
  ])('when logins = %s and previous = %s, then %d gives %d points', (logins, previous, value, points) => {
    const reading = usage({ logins_30d: logins, logins_prev_30d: previous }).login_trend;
    expect(reading?.value).toBe(value);
    expect(reading?.points).toBeCloseTo(points, 9);
  });

  it.each([
    ['0', '0'],
    [null, '10'],
    ['10', undefined],
    ['', ''],
  ])('when logins = %s and previous = %s, then it is missing', (logins, previous) => {
    expect(usage({ logins_30d: logins, logins_prev_30d: previous }).login_trend?.points).toBeNull();
  });
});

describe('usage: feature breadth', () => {
  it.each([
    // features used, points (curve [1,0] [4,35] [8,65] [12,90] [15,100])
    ['0', 0],
    ['1', 0],
    ['6', 50],
    ['8', 65],
    ['20', 100],
  ])('when %s features are used, then %d points', (features, points) => {
    expect(usage({ features_used: features }).feature_breadth?.points).toBe(points);
  });

  it('when the property is blank, then it is missing', () => {
    expect(usage({ features_used: '' }).feature_breadth?.points).toBeNull();
  });
});

describe('usage: days since last activity (whole days, date, datetime or epoch ms)', () => {
  it.each([
    // raw property, whole days before NOW, points (curve [1,100] [3,85] [7,60] [14,30] [30,0])
    ['2026-06-12', 3, 85], // a date is midnight UTC: 3.5 days → 3
    ['2026-06-08T12:00:00Z', 7, 60],
    ['2026-06-08T12:00:00.001Z', 6, 66.25], // 1 ms short of 7 days → 6: 85 − 3/4 × 25
    ['2026-06-08T14:00:00+02:00', 7, 60], // offset honoured
    [String(NOW - 14 * DAY_MS), 14, 30], // epoch milliseconds as HubSpot's v1 APIs send them
    [String(NOW - 22 * DAY_MS), 22, 15], // half way 14→30
    ['2026-05-16', 30, 0],
    ['2026-01-01', 165, 0],
    [String(NOW + DAY_MS), 0, 100], // a future timestamp reads as today
  ])('when last activity is %s, then %d days give %d points', (raw, days, points) => {
    const reading = usage({ last_login_date: raw }).days_since_last_activity;
    expect(reading?.value).toBe(days);
    expect(reading?.points).toBeCloseTo(points, 9);
  });

  it.each(['', 'yesterday', null])('when last activity is %j, then it is missing', (raw) => {
    expect(usage({ last_login_date: raw }).days_since_last_activity?.points).toBeNull();
  });
});

describe('usage: unmapped properties', () => {
  it('when the model maps no seats property, then utilisation is missing whatever the company has', () => {
    const model = { ...defaultHealthModel, properties: { ...defaultHealthModel.properties, seats: null } };
    const inputs: CompanyHealthInputs = {
      companyId: '1',
      properties: { seats_purchased: '10', active_users_30d: '5' },
      tickets: [],
      feedback: [],
    };
    const readings = usageIndicators({ inputs, model, now: NOW });
    expect(readings.find((reading) => reading.id === 'seat_utilisation')?.points).toBeNull();
  });
});
