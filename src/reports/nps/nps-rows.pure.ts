import type { NpsRowWire } from '@harbor/wire';

import { periodDays, type CalendarPeriod } from './report-periods.pure.ts';
import type { SurveyAnswer, SurveyKind } from './survey-answer.ts';
import { cesMetric, csatMetric, npsMetric } from './survey-metrics.pure.ts';

export interface NpsRowsInput {
  answers: readonly SurveyAnswer[];
  periods: readonly CalendarPeriod[];
  /** Every segment to show a row for (also those with no answers); `all` is added first unless `only`. */
  segments: readonly string[];
  /** One segment asked for: its rows only, no `all`. */
  only?: string | undefined;
  minimumResponses: number;
  now: number;
}

/** A row per period and segment (`all` first, then the segments by name), each with NPS, CSAT and CES. */
export function npsRows(input: NpsRowsInput): NpsRowWire[] {
  const segments = input.only === undefined ? ['all', ...[...new Set(input.segments)].sort()] : [input.only];
  const rows: NpsRowWire[] = [];
  for (const period of input.periods) {
    const inPeriod = input.answers.filter(
      (answer) => answer.submittedAt >= period.start && answer.submittedAt < period.end,
    );
    for (const segment of segments) {
      const answers = segment === 'all' ? inPeriod : inPeriod.filter((answer) => answer.segment === segment);
      const values = (kind: SurveyKind) =>
        answers.filter((answer) => answer.kind === kind).map((answer) => answer.value);
      const { startDay, endDay } = periodDays(period);
      rows.push({
        segment,
        periodStart: startDay,
        periodEnd: endDay,
        periodLabel: period.label,
        complete: period.end <= input.now,
        nps: npsMetric(values('NPS'), input.minimumResponses),
        csat: csatMetric(values('CSAT'), input.minimumResponses),
        ces: cesMetric(values('CES'), input.minimumResponses),
      });
    }
  }
  return rows;
}
