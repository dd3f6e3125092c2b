import { describe, expect, it } from 'vitest';

import type { CompanyHealthInputs } from '../health-types.ts';
import { inputsAsOf, propertiesAsOf, type PropertyHistory } from './as-of.pure.ts';

const JAN = Date.UTC(2026, 0, 1);
const FEB = Date.UTC(2026, 1, 1);
const MAR = Date.UTC(2026, 2, 1);
const APR = Date.UTC(2026, 3, 1);
const DAY_MS = 86_400_000;

// Today: 80 active users; history (newest first, as HubSpot lists it): 80 in March, 60 in February, 40 in January.
const current = { active_users_30d: '80', seats_purchased: '100', invoice_status: 'paid' };
const history: PropertyHistory = {
  active_users_30d: [
    { value: '80', timestamp: MAR },
    { value: '60', timestamp: FEB },
    { value: '40', timestamp: JAN },
  ],
  invoice_status: [
    { value: '', timestamp: MAR },
    { value: 'overdue', timestamp: FEB },
  ],
};

describe('propertiesAsOf', () => {
  it.each<[string, number, string | null]>([
    ['before the first version', JAN - DAY_MS, null],
    ['exactly when the first version was set', JAN, '40'],
    ['between two versions', FEB + 10 * DAY_MS, '60'],
    ['a millisecond before a change', MAR - 1, '60'],
    ['after the newest version', APR, '80'],
  ])('when read %s, then a property with history has the value it held then', (_, at, expected) => {
    expect(propertiesAsOf(current, history, at).active_users_30d).toBe(expected);
  });

  it('when the versions come in any order, then the newest at or before the date still wins', () => {
    const shuffled: PropertyHistory = {
      active_users_30d: [
        { value: '40', timestamp: JAN },
        { value: '80', timestamp: MAR },
        { value: '60', timestamp: FEB },
      ],
    };
    expect(propertiesAsOf(current, shuffled, FEB + DAY_MS).active_users_30d).toBe('60');
  });

  it.each<[string, number, string | null]>([
    ['while it was overdue', FEB + DAY_MS, 'overdue'],
    ['after it was cleared to an empty string', APR, null],
  ])('when a property was cleared, then reading it %s gives %s', (_, at, expected) => {
    expect(propertiesAsOf(current, history, at).invoice_status).toBe(expected);
  });

  it('when a property has no history, then it keeps today’s value', () => {
    expect(propertiesAsOf(current, history, JAN - DAY_MS).seats_purchased).toBe('100');
  });

  it('when a property has history but no value today, then the history still gives its past value', () => {
    expect(propertiesAsOf({}, { logins_30d: [{ value: '12', timestamp: JAN }] }, FEB)).toEqual({
      logins_30d: '12',
    });
  });

  it('when today’s value is undefined, then it reads as null', () => {
    expect(propertiesAsOf({ features_used: undefined, nps: null }, {}, FEB)).toEqual({
      features_used: null,
      nps: null,
    });
  });

  it('when history has an empty version list, then the property is unset at any date', () => {
    expect(propertiesAsOf(current, { seats_purchased: [] }, APR).seats_purchased).toBeNull();
  });
});

describe('inputsAsOf', () => {
  const inputs: CompanyHealthInputs = {
    companyId: '42',
    properties: current,
    tickets: [{ createdAt: FEB, escalated: false }],
    feedback: [{ type: 'NPS', value: 9, submittedAt: FEB }],
    previous: { tier: 'healthy', tierSince: MAR },
    history: [{ day: MAR, score: 80, components: {} }],
  };

  it('when inputs are rebuilt for a past date, then the stored tier and snapshots, which describe today, are dropped', () => {
    const past = inputsAsOf(inputs, history, FEB + DAY_MS);
    expect(past).toEqual({
      companyId: '42',
      properties: { active_users_30d: '60', seats_purchased: '100', invoice_status: 'overdue' },
      tickets: inputs.tickets,
      feedback: inputs.feedback,
    });
    expect('previous' in past).toBe(false);
    expect('history' in past).toBe(false);
  });

  it('when inputs are rebuilt, then the original inputs are not changed', () => {
    inputsAsOf(inputs, history, JAN);
    expect(inputs.properties).toEqual(current);
    expect(inputs.previous).toEqual({ tier: 'healthy', tierSince: MAR });
  });
});
