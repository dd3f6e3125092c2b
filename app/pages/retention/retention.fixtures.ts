import {
  strategyMetrics,
  type RetentionReportWire,
  type RetentionRowWire,
  type RetentionStrategyWire,
  type StrategyMetricWire,
  type StrategySegmentWire,
} from '@harbor/wire';

/** Twelve quarters, Q1 2024 to Q4 2026 (Q4 under way), the starts of each. */
export const quarterStarts = Array.from({ length: 12 }, (_, index) => {
  const year = 2024 + Math.floor(index / 4);
  const month = (index % 4) * 3 + 1;
  return `${String(year)}-${String(month).padStart(2, '0')}-01`;
});

function endOf(start: string): string {
  const date = new Date(`${start}T00:00:00.000Z`);
  date.setUTCMonth(date.getUTCMonth() + 3);
  date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}

function row(segment: string, start: string, grr: number, complete = true): RetentionRowWire {
  return {
    segment,
    periodStart: start,
    periodEnd: endOf(start),
    complete,
    customersStart: 100,
    customersChurned: 4,
    startingRevenue: 100_000,
    churnedRevenue: Math.round((1 - grr) * 100_000),
    contractionRevenue: 0,
    expansionRevenue: 5_000,
    grr,
    nrr: grr + 0.05,
    logoChurn: 0.04,
    grossRevenueChurn: 1 - grr,
    netRevenueChurn: 1 - grr - 0.05,
  };
}

/** The book and SMB over twelve quarters; SMB has no customers before 2025, so no rows then. */
export function retentionReport(overrides: Partial<RetentionReportWire> = {}): RetentionReportWire {
  return {
    portalId: 4242,
    period: 'quarter',
    from: '2024-01-01',
    to: '2026-12-31',
    rows: quarterStarts.flatMap((start, index) => [
      row('all', start, 0.9, index < 11),
      ...(index >= 4 ? [row('SMB', start, 0.85, index < 11)] : []),
    ]),
    ...overrides,
  };
}

function metric(
  overrides: Partial<StrategyMetricWire> & Pick<StrategyMetricWire, 'metric'>,
): StrategyMetricWire {
  return {
    higherIsBetter: !overrides.metric.endsWith('Churn'),
    target: null,
    targetFrom: null,
    now: null,
    answers: overrides.metric === 'nps' ? 0 : null,
    status: 'no_data',
    trend: null,
    history: [],
    ...overrides,
  };
}

export const smbSegment: StrategySegmentWire = {
  segment: 'SMB',
  customersStart: 100,
  startingRevenue: 100_000,
  metrics: strategyMetrics.map((name) =>
    name === 'grr'
      ? metric({ metric: name, target: 0.9, targetFrom: 'all', now: 0.85, status: 'missed', trend: 'worse' })
      : name === 'nrr'
        ? metric({ metric: name, target: 1, targetFrom: 'all', now: 0.9, status: 'missed', trend: 'flat' })
        : name === 'logoChurn'
          ? metric({
              metric: name,
              target: 0.05,
              targetFrom: 'segment',
              now: 0.04,
              status: 'met',
              trend: 'better',
            })
          : name === 'nps'
            ? metric({
                metric: name,
                target: 30,
                targetFrom: 'all',
                now: 32,
                answers: 64,
                status: 'met',
                trend: 'better',
              })
            : metric({ metric: name, now: 0.15, status: 'no_target', trend: 'flat' }),
  ),
  triggers: [
    {
      trigger: 'renewal_window',
      action: { kind: 'start_playbook', playbook: 'renewal' },
      playbook: {
        playbook: 'renewal',
        enabled: true,
        steps: [
          { title: 'Account review', dueInDays: 5 },
          { title: 'Renewal conversation', dueInDays: 1 },
        ],
      },
      thresholds: { trigger: 'renewal_window', fromDays: 60, toDays: 90 },
    },
    {
      trigger: 'low_health',
      action: { kind: 'open_signal' },
      playbook: null,
      thresholds: { trigger: 'low_health', belowScore: 74, tierDropWithinDays: 30 },
    },
    {
      trigger: 'detractor',
      action: { kind: 'start_playbook', playbook: 'detractor_follow_up' },
      playbook: { playbook: 'detractor_follow_up', enabled: false, steps: [{ title: 'Call', dueInDays: 2 }] },
      thresholds: { trigger: 'detractor', maxNps: 6, withinDays: 90 },
    },
  ],
  triggersOff: [{ trigger: 'expansion', reason: 'automation_off' }],
};

export const bookSegment: StrategySegmentWire = {
  segment: 'all',
  customersStart: 250,
  startingRevenue: 1_250_000,
  metrics: strategyMetrics.map((name) =>
    name === 'grr'
      ? metric({ metric: name, target: 0.9, targetFrom: 'segment', now: 0.9, status: 'met', trend: 'flat' })
      : metric({ metric: name, now: 0.1, status: 'no_target', trend: 'flat' }),
  ),
  triggers: [
    {
      trigger: 'late_payment',
      action: { kind: 'create_task' },
      playbook: null,
      thresholds: {
        trigger: 'late_payment',
        minDaysPastDue: 30,
        invoiceStatuses: ['collections', 'suspended'],
      },
    },
  ],
  triggersOff: [],
};

export function retentionStrategy(overrides: Partial<RetentionStrategyWire> = {}): RetentionStrategyWire {
  return {
    portalId: 4242,
    period: 'quarter',
    lastComplete: { periodStart: '2026-07-01', periodEnd: '2026-09-30' },
    segments: [bookSegment, smbSegment],
    ...overrides,
  };
}

/** A portal without customers yet: every segment unmeasured, the plan's automations still listed. */
export function emptyStrategy(): RetentionStrategyWire {
  const unmeasured = (segment: StrategySegmentWire): StrategySegmentWire => ({
    ...segment,
    customersStart: 0,
    startingRevenue: 0,
    metrics: segment.metrics.map((entry) => ({ ...entry, now: null, status: 'no_data', trend: null })),
  });
  return retentionStrategy({ segments: [unmeasured(bookSegment), unmeasured(smbSegment)] });
}
