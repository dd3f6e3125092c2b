import { describe, expect, it } from 'vitest';

import type { PropertyVersion, SandboxRecord } from '../store/sandbox-types.ts';
import { PREDICTION_LEAD_DAYS } from './company-plan.ts';
import { generatePortal, type GroundTruthRow } from './generate-portal.ts';
import { daysSinceLastLogin } from './signal-maps.ts';

const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);
const DAY = 86_400_000;
const { store, truth } = generatePortal({ companies: 2000, seed: 19, now: NOW });
const truthById = new Map(truth.map((row) => [row.companyId, row]));
const companies = [...store.tables.companies.all()];

interface Company {
  record: SandboxRecord;
  row: GroundTruthRow;
  /** The prediction point: 75 days before the renewal (or today for an upcoming one). */
  at: number;
}

const known: Company[] = [];
const upcoming: Company[] = [];
for (const record of companies) {
  const row = truthById.get(record.id);
  if (row === undefined) throw new Error(`no truth for ${record.id}`);
  if (row.outcomeKnown)
    known.push({ record, row, at: Date.parse(row.renewalDate) - PREDICTION_LEAD_DAYS * DAY });
  else upcoming.push({ record, row, at: NOW });
}
const churners = known.filter(({ row }) => row.churned);

/** The value as of `at`: the newest version set at or before it (HubSpot's history is newest first). */
function valueAsOf(record: SandboxRecord, name: string, at: number): string | undefined {
  return record.history?.[name]?.find((version: PropertyVersion) => version.timestamp <= at)?.value;
}

function daysSince(value: string | undefined, at: number): number {
  return (at - Date.parse(value ?? '')) / DAY;
}

function ranks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const result = new Array<number>(values.length);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]?.value === order[start]?.value) end += 1;
    for (let k = start; k <= end; k += 1) result[order[k]?.index ?? 0] = (start + end) / 2;
    start = end + 1;
  }
  return result;
}

function rankCorrelation(a: readonly number[], b: readonly number[]): number {
  const [x, y] = [ranks(a), ranks(b)];
  const mean = (x.length - 1) / 2;
  let covariance = 0;
  let varianceX = 0;
  let varianceY = 0;
  for (let i = 0; i < x.length; i += 1) {
    const dx = (x[i] ?? 0) - mean;
    const dy = (y[i] ?? 0) - mean;
    covariance += dx * dy;
    varianceX += dx * dx;
    varianceY += dy * dy;
  }
  return covariance / Math.sqrt(varianceX * varianceY);
}

describe('company history (2,000 companies)', () => {
  it('when read as of the prediction point, then days since CSM contact and login map back to the signals', () => {
    const signal = (name: string) => known.map(({ row }) => row.drivers[name] ?? 0);
    const contactDays = known.map(({ record, at }) =>
      daysSince(valueAsOf(record, 'notes_last_contacted', at), at),
    );
    const loginDays = known.map(({ record, at }) => daysSince(valueAsOf(record, 'last_login_date', at), at));

    expect(known.length).toBeGreaterThan(600);
    expect(rankCorrelation(contactDays, signal('days_since_csm_contact'))).toBeGreaterThan(0.98);
    expect(rankCorrelation(loginDays, signal('days_since_last_login'))).toBeGreaterThan(0.95);
    // A date holds the day of the last login, hours before the prediction point's midnight: one day more.
    const exact = known.filter(
      ({ record, row, at }, i) =>
        Math.floor(loginDays[i] ?? 0) === daysSinceLastLogin(row.drivers.days_since_last_login ?? 0) + 1 &&
        valueAsOf(record, 'last_login_date', at) !== undefined,
    );
    expect(exact.length / known.length).toBeGreaterThan(0.99);
  });

  it('when read as of the prediction point, then meetings follow the same rule as today’s for upcoming renewals', () => {
    const share = (group: Company[]) =>
      group.filter(({ record, at }) => valueAsOf(record, 'hs_last_booked_meeting_date', at) !== undefined)
        .length / group.length;
    const meetingDays = (group: Company[]) =>
      group
        .map(({ record, at }) => daysSince(valueAsOf(record, 'hs_last_booked_meeting_date', at), at))
        .filter((days) => !Number.isNaN(days))
        .sort((a, b) => a - b);
    const median = (values: number[]) => values[Math.floor(values.length / 2)] ?? 0;

    expect(Math.abs(share(known) - share(upcoming))).toBeLessThan(0.05);
    expect(Math.abs(median(meetingDays(known)) - median(meetingDays(upcoming)))).toBeLessThan(5);
  });

  it('when read as of the prediction point, then usage holds the login trend and nothing shows the outcome', () => {
    const trend = known.map(({ record, at }) =>
      Math.log(
        Number(valueAsOf(record, 'logins_30d', at)) / Number(valueAsOf(record, 'logins_prev_30d', at)),
      ),
    );
    expect(
      rankCorrelation(
        trend,
        known.map(({ row }) => row.drivers.login_trend ?? 0),
      ),
    ).toBeGreaterThan(0.9);
    for (const { record, at } of known) {
      expect(valueAsOf(record, 'customer_status', at) ?? 'active').toBe('active');
      expect(valueAsOf(record, 'churn_date', at)).toBeUndefined();
      expect(valueAsOf(record, 'lifecyclestage', at) ?? 'customer').toBe('customer');
    }
  });

  it('when a customer churned, then it logged in last before the renewal and had its exit conversation around it', () => {
    expect(churners.length).toBeGreaterThan(50);
    for (const { record, row, at } of churners) {
      const { properties } = record;
      const renewalAt = Date.parse(row.renewalDate);
      expect(properties.last_login_date).not.toBe(valueAsOf(record, 'last_login_date', at));
      expect(properties.notes_last_contacted).not.toBe(valueAsOf(record, 'notes_last_contacted', at));
      expect(Date.parse(properties.last_login_date ?? '')).toBeLessThan(renewalAt);
      expect(Date.parse(properties.notes_last_contacted ?? '')).toBeGreaterThan(renewalAt - DAY);
      expect(valueAsOf(record, 'customer_status', renewalAt + DAY)).toBe('churned');
      expect(valueAsOf(record, 'churn_date', renewalAt + DAY)).toBe(row.renewalDate);
      expect(valueAsOf(record, 'lifecyclestage', renewalAt + DAY)).toBe('other');
    }
  });

  it('when invoices age, then invoice_status reads overdue exactly while days_past_due is above zero', () => {
    for (const record of companies) {
      for (const version of record.history?.invoice_status ?? []) {
        const daysPastDue = Number(valueAsOf(record, 'days_past_due', version.timestamp));
        expect(version.value === 'overdue', record.id).toBe(daysPastDue > 0);
      }
      for (const version of record.history?.days_past_due ?? []) {
        const status = valueAsOf(record, 'invoice_status', version.timestamp);
        expect(status === 'overdue', record.id).toBe(Number(version.value) > 0);
      }
    }
  });
});
