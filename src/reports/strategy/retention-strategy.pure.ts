import type {
  NpsRowWire,
  ReportPeriod,
  ReportSettings,
  RetentionReportWire,
  RetentionStrategyWire,
} from '@harbor/wire';

import type { ActionSettings } from '../../signals/signal-settings-store.ts';
import { strategyMetricsOf } from './strategy-metrics.pure.ts';
import { strategyTriggersOf } from './strategy-triggers.pure.ts';

export interface StrategyInputs {
  portalId: number;
  period: ReportPeriod;
  /** The complete periods the plan reads, oldest first; the last is "now". */
  periods: readonly { periodStart: string; periodEnd: string }[];
  /** The segments to present besides `all`, or exactly the one asked for. */
  segments: readonly string[];
  /** Whether `all` leads the list (not when one segment was asked for). */
  withBook: boolean;
  /** The retention report over `periods` (only its complete rows count). */
  retention: RetentionReportWire;
  /** The NPS report's rows over the same periods. */
  npsRows: readonly NpsRowWire[];
  reportSettings: ReportSettings;
  actionSettings: ActionSettings;
}

/**
 * The retention plan per segment: what Harbor does by itself there, the targets, and where the segment
 * stands against them. Plain data in and out; the loader picks the window and the segments.
 */
export function buildRetentionStrategy(inputs: StrategyInputs): RetentionStrategyWire {
  const starts = inputs.periods.map((period) => period.periodStart);
  const latest = inputs.periods.at(-1);
  const names = [
    ...(inputs.withBook ? ['all'] : []),
    ...[...new Set(inputs.segments)].filter((name) => name !== 'all').toSorted(),
  ];
  const complete = inputs.retention.rows.filter((row) => row.complete);
  return {
    portalId: inputs.portalId,
    period: inputs.period,
    lastComplete: latest === undefined ? null : { ...latest },
    segments: names.map((segment) => {
      const current = complete.find(
        (row) => row.segment === segment && row.periodStart === latest?.periodStart,
      );
      return {
        segment,
        customersStart: current?.customersStart ?? 0,
        startingRevenue: current?.startingRevenue ?? 0,
        metrics: strategyMetricsOf(
          { retention: complete, nps: inputs.npsRows },
          starts,
          inputs.reportSettings.targets,
          segment,
        ),
        ...strategyTriggersOf(inputs.actionSettings, segment),
      };
    }),
  };
}
