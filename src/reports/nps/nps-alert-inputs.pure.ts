import type { ReportPeriod } from '@harbor/wire';

import { periodContaining, type CalendarPeriod } from './report-periods.pure.ts';
import type { SurveyAnswer } from './survey-answer.ts';
import { npsMetric } from './survey-metrics.pure.ts';

/** NPS and detractor share of one segment in one period; both null below the minimum number of answers. */
export interface NpsPeriodFigures {
  periodLabel: string;
  n: number;
  /** −100…100. */
  nps: number | null;
  /** A fraction (0.25 = 25 %). */
  detractorShare: number | null;
}

export interface NpsAlertInput {
  segment: string;
  /** The period containing `now` (still open: answers can come). */
  current: NpsPeriodFigures;
  previous: NpsPeriodFigures;
}

function figures(
  answers: readonly SurveyAnswer[],
  period: CalendarPeriod,
  minimum: number,
): NpsPeriodFigures {
  const values = answers
    .filter(
      (answer) =>
        answer.kind === 'NPS' && answer.submittedAt >= period.start && answer.submittedAt < period.end,
    )
    .map((answer) => answer.value);
  const metric = npsMetric(values, minimum);
  return {
    periodLabel: period.label,
    n: metric.n,
    nps: metric.score,
    detractorShare: metric.detractors.share,
  };
}

/**
 * For the alerts ("NPS below threshold or detractor share rising"): per segment, `all` first, the NPS and
 * detractor share of the period containing `now` and of the one before, computed exactly as the NPS report
 * computes them (same buckets, same minimum n). The caller compares them with settings.survey.npsAlertBelow
 * and detractorRiseAlertPp; a null means too few answers to judge, which must not raise an alert.
 */
export function npsAlertInputs(
  answers: readonly SurveyAnswer[],
  period: ReportPeriod,
  now: number,
  minimumResponses: number,
): NpsAlertInput[] {
  const current = periodContaining(period, now);
  const previous = periodContaining(period, current.start - 1);
  const segments = ['all', ...[...new Set(answers.map((answer) => answer.segment))].sort()];
  return segments.map((segment) => {
    const own = segment === 'all' ? answers : answers.filter((answer) => answer.segment === segment);
    return {
      segment,
      current: figures(own, current, minimumResponses),
      previous: figures(own, previous, minimumResponses),
    };
  });
}
