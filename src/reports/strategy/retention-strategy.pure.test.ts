import {
  defaultAutomationSettings,
  defaultPlaybookSettings,
  defaultReportSettings,
  defaultSignalSettings,
  type ReportSettings,
  type RetentionReportWire,
} from '@harbor/wire';
import { describe, expect, it } from 'vitest';

import type { ActionSettings } from '../../signals/signal-settings-store.ts';
import { buildRetentionStrategy, type StrategyInputs } from './retention-strategy.pure.ts';
import { targetFor } from './strategy-metrics.pure.ts';
import { npsRow, retentionRow } from './testing/retention-rows.ts';

const quarters = [
  ['2025-10-01', '2025-12-31'],
  ['2026-01-01', '2026-03-31'],
  ['2026-04-01', '2026-06-30'],
  ['2026-07-01', '2026-09-30'],
] as const;

/**
 * SMB over four quarters, 100 customers and 100,000 of ARR at each start:
 *   churned revenue 5,000 / 6,000 / 7,000 / 8,000 → GRR 0.95, 0.94, 0.93, 0.92 (slope −0.01: worse);
 *   expansion 10,000 each quarter → NRR 1.05, 1.04, 1.03, 1.02 (worse);
 *   logos lost 2, 3, 4, 5 of 100 → logo churn 0.02 … 0.05 (rising: worse).
 * ENTERPRISE: 10 customers, 1,000,000 of ARR, nothing lost, 20,000 expansion each quarter → GRR 1.0 flat,
 *   NRR 1.02 flat, logo churn 0 flat. It has no row in the first quarter (no customers then yet).
 * all: the sum of both.
 */
function report(): RetentionReportWire {
  const rows = quarters.flatMap(([start, end], index) => [
    retentionRow('all', start, end, {
      customersStart: index === 0 ? 100 : 110,
      customersChurned: 2 + index,
      startingRevenue: index === 0 ? 100_000 : 1_100_000,
      churnedRevenue: 5_000 + 1_000 * index,
      expansionRevenue: index === 0 ? 10_000 : 30_000,
    }),
    retentionRow('SMB', start, end, {
      customersStart: 100,
      customersChurned: 2 + index,
      startingRevenue: 100_000,
      churnedRevenue: 5_000 + 1_000 * index,
      expansionRevenue: 10_000,
    }),
    ...(index === 0
      ? []
      : [
          retentionRow('ENTERPRISE', start, end, {
            customersStart: 10,
            customersChurned: 0,
            startingRevenue: 1_000_000,
            churnedRevenue: 0,
            expansionRevenue: 20_000,
          }),
        ]),
  ]);
  // The quarter under way: shown by the report, never "now" for the plan.
  rows.push(
    retentionRow('SMB', '2026-10-01', '2026-12-31', {
      customersStart: 100,
      customersChurned: 40,
      startingRevenue: 100_000,
      churnedRevenue: 40_000,
      complete: false,
    }),
  );
  return { portalId: 77, period: 'quarter', from: '2025-10-01', to: '2026-12-31', rows };
}

const actionSettings: ActionSettings = {
  signals: defaultSignalSettings,
  playbooks: defaultPlaybookSettings,
  automations: defaultAutomationSettings,
};

function inputs(overrides: Partial<StrategyInputs> = {}): StrategyInputs {
  return {
    portalId: 77,
    period: 'quarter',
    periods: quarters.map(([periodStart, periodEnd]) => ({ periodStart, periodEnd })),
    segments: ['SMB', 'ENTERPRISE'],
    withBook: true,
    retention: report(),
    npsRows: [],
    reportSettings: defaultReportSettings,
    actionSettings,
    ...overrides,
  };
}

describe('the retention strategy', () => {
  it('when a segment has quarters behind it, then now is the last complete quarter against the book’s targets, with the trend of the last four', () => {
    const strategy = buildRetentionStrategy(inputs());

    expect(strategy.lastComplete).toEqual({ periodStart: '2026-07-01', periodEnd: '2026-09-30' });
    expect(strategy.segments.map((segment) => segment.segment)).toEqual(['all', 'ENTERPRISE', 'SMB']);
    const smb = strategy.segments.find((segment) => segment.segment === 'SMB')!;
    expect(smb.customersStart).toBe(100);
    expect(smb.startingRevenue).toBe(100_000);
    const byMetric = new Map(smb.metrics.map((metric) => [metric.metric, metric]));
    // GRR (100,000 − 8,000) / 100,000 = 0.92 against the book's 0.90: met, but sliding.
    expect(byMetric.get('grr')).toMatchObject({
      now: 0.92,
      target: 0.9,
      targetFrom: 'all',
      status: 'met',
      trend: 'worse',
    });
    expect(byMetric.get('grr')?.history.map((point) => point.periodStart)).toEqual(
      quarters.map(([start]) => start),
    );
    // NRR (100,000 + 10,000 − 8,000) / 100,000 = 1.02 against 1.00: met, sliding.
    expect(byMetric.get('nrr')).toMatchObject({ now: 1.02, target: 1, status: 'met', trend: 'worse' });
    // Logo churn 5 / 100 = 0.05 against at most 0.03: missed, and rising (worse for a lower-is-better metric).
    expect(byMetric.get('logoChurn')).toMatchObject({
      now: 0.05,
      target: 0.03,
      status: 'missed',
      trend: 'worse',
      higherIsBetter: false,
    });
    // No target is set for revenue churn by default.
    expect(byMetric.get('grossRevenueChurn')).toMatchObject({ now: 0.08, target: null, status: 'no_target' });
  });

  it('when a segment joined late and holds steady, then its missing quarter has no figure and the trend is flat', () => {
    const enterprise = buildRetentionStrategy(inputs()).segments.find(
      (segment) => segment.segment === 'ENTERPRISE',
    )!;
    const grr = enterprise.metrics.find((metric) => metric.metric === 'grr')!;
    expect(grr.history.map((point) => point.value)).toEqual([null, 1, 1, 1]);
    expect(grr).toMatchObject({ now: 1, status: 'met', trend: 'flat' });
    expect(enterprise.metrics.find((metric) => metric.metric === 'nrr')).toMatchObject({
      now: 1.02,
      trend: 'flat',
    });
  });

  it('when a segment has its own target, then it is held to that instead of the book’s', () => {
    const settings: ReportSettings = {
      ...defaultReportSettings,
      targets: [...defaultReportSettings.targets, { segment: 'SMB', metric: 'logoChurn', target: 0.06 }],
    };
    const smb = buildRetentionStrategy(inputs({ reportSettings: settings })).segments.find(
      (segment) => segment.segment === 'SMB',
    )!;
    expect(smb.metrics.find((metric) => metric.metric === 'logoChurn')).toMatchObject({
      target: 0.06,
      targetFrom: 'segment',
      status: 'met',
    });
    expect(targetFor(settings.targets, 'ENTERPRISE', 'logoChurn')).toEqual({ target: 0.03, from: 'all' });
    expect(targetFor(settings.targets, 'all', 'grossRevenueChurn')).toBeNull();
  });

  it('when a segment has no customers in any complete period, then every metric says there is no data', () => {
    const strategy = buildRetentionStrategy(inputs({ segments: ['MID_MARKET'], withBook: false }));
    expect(strategy.segments).toHaveLength(1);
    const mid = strategy.segments[0]!;
    expect(mid.customersStart).toBe(0);
    expect(mid.metrics.every((metric) => metric.status === 'no_data' && metric.trend === null)).toBe(true);
  });

  it('when only the period under way has figures, then now is still the last complete quarter, with no data', () => {
    const retention = report();
    const partial = { ...retention, rows: retention.rows.filter((row) => !row.complete) };
    const strategy = buildRetentionStrategy(inputs({ retention: partial }));
    expect(strategy.lastComplete).toEqual({ periodStart: '2026-07-01', periodEnd: '2026-09-30' });
    expect(strategy.segments.find((segment) => segment.segment === 'SMB')?.metrics[0]).toMatchObject({
      now: null,
      status: 'no_data',
      trend: null,
    });
  });

  it('when NPS has answers in each quarter, then its score stands against the NPS target with its own trend and n', () => {
    // SMB's NPS 20, 25, 30, 36: x̄ = 1.5, ȳ = 27.75; Σ(x−x̄)(y−ȳ) = 11.625 + 1.375 + 1.125 + 12.375 = 26.5;
    // slope 26.5 / 5 = 5.3, change 15.9 points: better. 36 ≥ the book's 30: met.
    // ENTERPRISE: scores 40 and 41 then too few answers (hidden) — "now" has no score.
    const npsRows = quarters.flatMap(([start, end], index) => [
      npsRow('SMB', start, end, { score: [20, 25, 30, 36][index] ?? null, n: 50 + index }),
      npsRow('ENTERPRISE', start, end, {
        score: index < 2 ? 40 + index : null,
        n: index < 2 ? 30 : 4,
        hidden: index >= 2,
      }),
    ]);
    const strategy = buildRetentionStrategy(inputs({ npsRows }));
    const npsOf = (name: string) =>
      strategy.segments
        .find((segment) => segment.segment === name)
        ?.metrics.find((metric) => metric.metric === 'nps');
    expect(npsOf('SMB')).toMatchObject({
      now: 36,
      answers: 53,
      target: 30,
      targetFrom: 'all',
      status: 'met',
      trend: 'better',
      higherIsBetter: true,
    });
    // A rise of 1 point (40 → 41) is inside NPS's 2-point flat band.
    expect(npsOf('ENTERPRISE')).toMatchObject({
      now: null,
      answers: 4,
      status: 'too_few_answers',
      trend: 'flat',
    });
    // No answers at all: no data, n = 0.
    expect(npsOf('all')).toMatchObject({ now: null, answers: 0, status: 'no_data', trend: null });
  });
});

describe('the triggers of a segment’s plan', () => {
  it('when the defaults apply, then every trigger is on with its segment’s thresholds and the playbook it starts', () => {
    const strategy = buildRetentionStrategy(inputs());
    const [book, enterprise, smb] = strategy.segments;
    expect(book?.triggers.map((trigger) => trigger.trigger)).toEqual([
      'low_health',
      'renewal_window',
      'detractor',
      'large_onboarding',
      'expansion',
      'usage_drop',
      'critical_ticket',
      'late_payment',
    ]);
    expect(book?.triggersOff).toEqual([]);
    // SMB's override of the low-health threshold (74), ENTERPRISE's (59), the book's default (67).
    const lowHealth = (segment: typeof book) =>
      segment?.triggers.find((trigger) => trigger.trigger === 'low_health')?.thresholds;
    expect(lowHealth(book)).toEqual({ trigger: 'low_health', belowScore: 67, tierDropWithinDays: 30 });
    expect(lowHealth(smb)).toMatchObject({ belowScore: 74 });
    expect(lowHealth(enterprise)).toMatchObject({ belowScore: 59 });
    // Every new ENTERPRISE customer counts as a large onboarding.
    expect(
      enterprise?.triggers.find((trigger) => trigger.trigger === 'large_onboarding')?.thresholds,
    ).toMatchObject({ wholeSegment: true, minContractValue: 50_000 });
    const renewal = smb?.triggers.find((trigger) => trigger.trigger === 'renewal_window');
    expect(renewal?.thresholds).toEqual({ trigger: 'renewal_window', fromDays: 60, toDays: 90 });
    expect(renewal?.playbook?.playbook).toBe('renewal');
    expect(renewal?.playbook?.enabled).toBe(true);
    expect(renewal?.playbook?.steps.map((step) => step.title)).toEqual([
      'Account review',
      'Value summary',
      'Review open risks and signals',
      'Renewal conversation',
      'Price or contract changes go to finance',
    ]);
    expect(smb?.triggers.find((trigger) => trigger.trigger === 'low_health')?.playbook).toBeNull();
  });

  it('when an automation, a segment’s rule or the renewal-date property is off, then the trigger is listed as never acting, with why', () => {
    const settings: ActionSettings = {
      automations: {
        ...defaultAutomationSettings,
        triggers: {
          ...defaultAutomationSettings.triggers,
          expansion: { enabled: false, action: { kind: 'open_signal' } },
        },
      },
      signals: {
        ...defaultSignalSettings,
        segments: { ...defaultSignalSettings.segments, SMB: { detractor: { enabled: false } } },
        properties: { ...defaultSignalSettings.properties, renewalDate: null },
      },
      playbooks: defaultPlaybookSettings,
    };
    const strategy = buildRetentionStrategy(inputs({ actionSettings: settings }));
    const smb = strategy.segments.find((segment) => segment.segment === 'SMB')!;
    expect(smb.triggersOff).toEqual([
      { trigger: 'renewal_window', reason: 'no_renewal_date' },
      { trigger: 'detractor', reason: 'rule_off' },
      { trigger: 'expansion', reason: 'automation_off' },
    ]);
    // SMB's rule override is SMB's alone: the book (and ENTERPRISE) keep the detractor follow-up.
    const book = strategy.segments.find((segment) => segment.segment === 'all')!;
    expect(book.triggers.find((trigger) => trigger.trigger === 'detractor')?.playbook).toMatchObject({
      playbook: 'detractor_follow_up',
      enabled: true,
    });
  });

  it('when a segment turned off the playbook a trigger starts, then the plan says it is off there', () => {
    const settings: ActionSettings = {
      ...actionSettings,
      playbooks: {
        ...defaultPlaybookSettings,
        segments: {
          SMB: {
            renewal: {
              enabled: false,
              steps: [
                {
                  title: 'Renewal call',
                  body: '',
                  dueInDays: 5,
                  priority: 'HIGH',
                  taskType: 'CALL',
                  owner: { kind: 'company_owner' },
                },
              ],
            },
          },
        },
      },
    };
    const strategy = buildRetentionStrategy(inputs({ actionSettings: settings }));
    const playbookIn = (name: string) =>
      strategy.segments
        .find((segment) => segment.segment === name)
        ?.triggers.find((trigger) => trigger.trigger === 'renewal_window')?.playbook;
    expect(playbookIn('SMB')).toEqual({
      playbook: 'renewal',
      enabled: false,
      steps: [{ title: 'Renewal call', dueInDays: 5 }],
    });
    expect(playbookIn('ENTERPRISE')?.enabled).toBe(true);
  });

  it('when the team writes tasks in Portuguese, then the playbook steps are the Portuguese ones', () => {
    const settings: ActionSettings = {
      ...actionSettings,
      signals: {
        ...defaultSignalSettings,
        routing: { ...defaultSignalSettings.routing, taskLanguage: 'pt-BR' },
      },
    };
    const strategy = buildRetentionStrategy(inputs({ actionSettings: settings }));
    const detractor = strategy.segments[0]?.triggers.find((trigger) => trigger.trigger === 'detractor');
    expect(detractor?.playbook?.steps[0]?.title).toBe('Fale com o detrator em até 2 dias úteis');
  });
});
