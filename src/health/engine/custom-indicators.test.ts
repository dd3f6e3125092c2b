import { describe, expect, it } from 'vitest';

import type { CompanyHealthInputs } from '../health-types.ts';
import { defaultHealthModel } from '../model/default-health-model.ts';
import { healthModelSchema, type HealthModel } from '../model/health-model-schema.ts';
import { customIndicators } from './custom-indicators.pure.ts';
import type { IndicatorReading } from './indicator-reading.ts';

const NOW = Date.UTC(2026, 5, 15, 12);

const model: HealthModel = healthModelSchema.parse({
  ...defaultHealthModel,
  customIndicators: [
    {
      kind: 'numeric',
      id: 'net_retention',
      label: 'Net revenue retention',
      property: 'nrr',
      curve: [
        [0.8, 0],
        [1.2, 100],
      ],
    },
    {
      kind: 'enumeration',
      id: 'plan',
      label: 'Plan',
      property: 'plan_tier',
      points: { gold: 100, silver: 60, bronze: 20 },
    },
  ],
});

function custom(properties: CompanyHealthInputs['properties']): Record<string, IndicatorReading> {
  const inputs: CompanyHealthInputs = { companyId: '1', properties, tickets: [], feedback: [] };
  return Object.fromEntries(
    customIndicators({ inputs, model, now: NOW }).map((reading) => [reading.id, reading]),
  );
}

describe('custom indicators, read as custom:<id>', () => {
  it.each([
    ['0.5', 0.5, 0],
    ['0.8', 0.8, 0],
    ['1.0', 1, 50],
    ['1.1', 1.1, 75],
    ['1.5', 1.5, 100],
  ])('when the numeric property is %s, then %d on its curve gives %d points', (raw, value, points) => {
    const reading = custom({ nrr: raw })['custom:net_retention'];
    expect(reading?.value).toBe(value);
    expect(reading?.points).toBeCloseTo(points, 9);
  });

  it.each(['', 'high', null, undefined])('when the numeric property is %j, then it is missing', (raw) => {
    expect(custom({ nrr: raw })['custom:net_retention']?.points).toBeNull();
  });

  it.each([
    ['gold', 100],
    ['silver', 60],
    ['bronze', 20],
  ])('when the enumeration is %s, then %d points', (raw, points) => {
    expect(custom({ plan_tier: raw })['custom:plan']).toEqual({
      id: 'custom:plan',
      value: raw,
      points,
      quality: 1,
    });
  });

  it.each(['platinum', 'Gold', '', null, undefined, 'constructor', '__proto__'])(
    'when the enumeration is %j (not listed), then it is missing',
    (raw) => {
      expect(custom({ plan_tier: raw })['custom:plan']).toEqual({
        id: 'custom:plan',
        value: null,
        points: null,
        quality: 0,
      });
    },
  );

  it('when the model has no custom indicators, then there are no readings', () => {
    const inputs: CompanyHealthInputs = {
      companyId: '1',
      properties: { nrr: '1' },
      tickets: [],
      feedback: [],
    };
    expect(customIndicators({ inputs, model: defaultHealthModel, now: NOW })).toEqual([]);
  });
});
