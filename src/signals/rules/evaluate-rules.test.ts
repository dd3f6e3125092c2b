import { defaultSignalSettings, type SignalSettings } from '@harbor/wire';
import { describe, expect, it } from 'vitest';

import { signalTypes } from '../signal-types.ts';
import { evaluateRules } from './evaluate-rules.pure.ts';
import { evidenceKeys } from './evidence-keys.ts';
import { company, DAY_MS, HOUR_MS, NOW } from './signal-inputs.fixture.ts';

const settings = (patch: (draft: SignalSettings) => void): SignalSettings => {
  const draft = structuredClone(defaultSignalSettings);
  patch(draft);
  return draft;
};

/**
 * A company for which every rule fires under the default settings. Its tier reads healthy beside a score of
 * 40, which scoring would not produce, because the rules read the two apart (low health the score, expansion
 * and advocacy the tier) and this lets all ten fire at once.
 */
const everything = company(
  {
    segment: 'MID_MARKET',
    health: { score: 40, tier: 'healthy', previousTier: null, tierChangedAt: null },
    tickets: [
      { id: 't1', createdAt: NOW - 30 * HOUR_MS, priority: 'URGENT', escalated: true },
      { id: 't2', createdAt: NOW - 30 * HOUR_MS, priority: 'HIGH', escalated: false, executiveFlag: 'true' },
    ],
    feedback: [
      { id: 'f1', type: 'NPS', value: 2, submittedAt: NOW - DAY_MS, contactJobTitle: 'CEO' },
      { id: 'f2', type: 'NPS', value: 10, submittedAt: NOW - 2 * DAY_MS },
    ],
  },
  {
    seats_purchased: '100',
    active_users_30d: '95',
    logins_30d: '300',
    logins_prev_30d: '700',
    days_past_due: '45',
    renewal_date: new Date(NOW + 75 * DAY_MS).toISOString().slice(0, 10),
    createdate: new Date(NOW - 20 * DAY_MS).toISOString(),
    contract_value: '60000',
  },
);

describe('evaluate rules', () => {
  it('when every rule has its facts, then each fires once, risks first, with catalogued evidence keys only', () => {
    const firings = evaluateRules(everything, defaultSignalSettings, NOW);
    expect(firings.map((firing) => firing.type)).toEqual(signalTypes);
    const keys = new Set<string>(evidenceKeys);
    for (const firing of firings) for (const item of firing.evidence) expect(keys).toContain(item.key);
  });

  it('when a rule is switched off, then it never fires', () => {
    const off = settings((draft) => {
      draft.defaults.late_payment.enabled = false;
    });
    expect(evaluateRules(everything, off, NOW).map((firing) => firing.type)).not.toContain('late_payment');
  });

  it('when the segment overrides a threshold, then its companies are held to it and others are not', () => {
    const strict = settings((draft) => {
      draft.segments = { MID_MARKET: { late_payment: { minDaysPastDue: 60 } } };
    });
    const types = (segment: string) =>
      evaluateRules({ ...everything, segment }, strict, NOW).map((firing) => firing.type);
    expect(types('MID_MARKET')).not.toContain('late_payment');
    expect(types('SMB')).toContain('late_payment');
  });

  it('when a segment switches a rule off, then only that segment loses it', () => {
    const quiet = settings((draft) => {
      draft.segments = { SMB: { detractor: { enabled: false } } };
    });
    expect(evaluateRules({ ...everything, segment: 'SMB' }, quiet, NOW).map((f) => f.type)).not.toContain(
      'detractor',
    );
    expect(evaluateRules(everything, quiet, NOW).map((f) => f.type)).toContain('detractor');
  });

  it('when a company has no data at all, then nothing fires', () => {
    const empty = company({ health: null }, {});
    const bare = { ...empty, properties: {} };
    expect(evaluateRules(bare, defaultSignalSettings, NOW)).toEqual([]);
  });

  it('when the fixture company is unremarkable, then nothing fires under the defaults', () => {
    expect(evaluateRules(company(), defaultSignalSettings, NOW)).toEqual([]);
  });
});
