import { describe, expect, it } from 'vitest';

import type { CompanyHealthInputs } from '../health-types.ts';
import { defaultHealthModel } from '../model/default-health-model.ts';
import type { IndicatorReading } from './indicator-reading.ts';
import { paymentIndicators } from './payment-indicators.pure.ts';

const NOW = Date.UTC(2026, 5, 15, 12);

function payment(properties: CompanyHealthInputs['properties']): Record<string, IndicatorReading> {
  const inputs: CompanyHealthInputs = { companyId: '1', properties, tickets: [], feedback: [] };
  const readings = paymentIndicators({ inputs, model: defaultHealthModel, now: NOW });
  return Object.fromEntries(readings.map((reading) => [reading.id, reading]));
}

describe('payment: days past due (curve [0,100] [7,80] [30,35] [60,0])', () => {
  it.each([
    ['0', 0, 100],
    ['7', 7, 80],
    ['18.5', 18.5, 57.5],
    ['30', 30, 35],
    ['90', 90, 0],
    // paid ahead reads as not overdue
    ['-5', 0, 100],
  ])('when days_past_due is %s, then %d days give %d points', (raw, days, points) => {
    const reading = payment({ days_past_due: raw }).days_past_due;
    expect(reading?.value).toBe(days);
    expect(reading?.points).toBe(points);
  });

  it.each(['', 'n/a', null, undefined])('when days_past_due is %j, then it is missing', (raw) => {
    expect(payment({ days_past_due: raw }).days_past_due?.points).toBeNull();
  });
});

describe('payment: invoice status (points table paid 100, open 85, overdue 0)', () => {
  it.each([
    ['paid', 100],
    ['open', 85],
    ['overdue', 0],
  ])('when the status is %s, then %d points', (status, points) => {
    expect(payment({ invoice_status: status }).invoice_status).toEqual({
      id: 'invoice_status',
      value: status,
      points,
      quality: 1,
    });
  });

  it.each(['void', 'PAID', '', null, undefined, 'constructor', 'toString'])(
    'when the status is %j (not in the table), then it is missing',
    (status) => {
      expect(payment({ invoice_status: status }).invoice_status).toEqual({
        id: 'invoice_status',
        value: null,
        points: null,
        quality: 0,
      });
    },
  );
});
