import { defaultSignalSettings, signalSettingsSchema, thresholdsFor } from '@harbor/wire';
import { describe, expect, it } from 'vitest';

const messages = (value: unknown): Record<string, string> => {
  const result = signalSettingsSchema.safeParse(value);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
};

describe('signal settings', () => {
  it('accepts its own defaults', () => {
    expect(signalSettingsSchema.parse(defaultSignalSettings)).toEqual(defaultSignalSettings);
  });

  it('when a segment overrides one field, then the rest of that rule and the other rules keep the defaults', () => {
    const settings = { ...defaultSignalSettings, segments: { SMB: { usage_drop: { minDropShare: 0.5 } } } };
    expect(thresholdsFor(settings, 'SMB').usage_drop).toEqual({
      ...defaultSignalSettings.defaults.usage_drop,
      minDropShare: 0.5,
    });
    expect(thresholdsFor(settings, 'SMB').late_payment).toEqual(defaultSignalSettings.defaults.late_payment);
    expect(thresholdsFor(settings, 'ENTERPRISE')).toEqual(defaultSignalSettings.defaults);
  });

  it('when a segment is named like an Object method, then it is just an unknown segment', () => {
    expect(thresholdsFor(defaultSignalSettings, 'constructor')).toEqual(defaultSignalSettings.defaults);
  });

  it('the defaults hold SMB to a higher health bar and enterprise to a lower one than mid-market', () => {
    expect(thresholdsFor(defaultSignalSettings, 'SMB').low_health.belowScore).toBe(74);
    expect(thresholdsFor(defaultSignalSettings, 'MID_MARKET').low_health.belowScore).toBe(67);
    expect(thresholdsFor(defaultSignalSettings, 'ENTERPRISE').low_health.belowScore).toBe(59);
  });

  it('when numbers are out of range, then each field says what is allowed', () => {
    const bad = structuredClone(defaultSignalSettings);
    bad.defaults.usage_drop.minDropShare = 2;
    bad.defaults.detractor.maxNps = 11;
    bad.dueDays.critical = 30;
    bad.renewalWindow = { fromDays: 90, toDays: 60 };
    bad.segments = { SMB: { late_payment: { minDaysPastDue: 0 } } };
    expect(messages(bad)).toEqual({
      'defaults.usage_drop.minDropShare': 'a share from 0.05 to 0.95',
      'defaults.detractor.maxNps': 'an NPS answer from 0 to 10',
      'segments.SMB.late_payment.minDaysPastDue': 'days past due from 1 to 730',
      'dueDays.critical': 'a more severe signal needs as many days or fewer (critical ≤ high ≤ medium ≤ low)',
      'renewalWindow.fromDays': 'fromDays must be ≤ toDays',
    });
  });

  it('when an executive title is blank or the ticket property is not a property name, then it says so', () => {
    const bad = {
      ...defaultSignalSettings,
      executiveTitles: ['CEO', ' '],
      executiveTicketProperty: 'Exec Flag',
    };
    expect(messages(bad)).toEqual({
      'executiveTitles.1': 'title: not empty',
      executiveTicketProperty: 'a HubSpot property name (lowercase letters, digits, _)',
    });
  });
});
