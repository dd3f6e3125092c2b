import {
  higherIsBetter,
  type AlertKind,
  type AlertMetric,
  type NpsRowWire,
  type ReportSettings,
  type RetentionMetric,
  type RetentionRowWire,
} from '@harbor/wire';

/**
 * The trend alert rules (docs/reports.md, "Targets, alerts and defaults"), over the figures the retention and
 * NPS reports give: no I/O, so each rule is checked on hand-worked numbers. A rule gives a verdict only on
 * what it can judge — a period whose metric is unknown (no customers at its start, too few answers) judges
 * nothing, so an open alert stays open rather than vanishing for lack of data.
 */

/** One metric of one segment in one period, as a report gives it. */
export interface MetricFigure {
  segment: string;
  metric: RetentionMetric;
  /** First day of the period, YYYY-MM-DD (so strings sort as days). */
  periodStart: string;
  complete: boolean;
  value: number | null;
}

/** One segment's survey figures in one period: NPS on -100…100, the detractor share as a fraction. */
export interface NpsFigure {
  segment: string;
  periodStart: string;
  complete: boolean;
  responses: number;
  nps: number | null;
  detractorShare: number | null;
}

export interface AlertSeries {
  segment: string;
  metric: AlertMetric;
  kind: AlertKind;
}

export type Verdict = AlertSeries &
  (
    | { state: 'breach'; periodStart: string; value: number; reference: number }
    | { state: 'clear'; periodStart: string }
  );

// Figures come out of divisions: a difference this small is equality, not a trend.
const epsilon = 1e-9;

const retentionRatioMetrics = ['grr', 'nrr', 'logoChurn', 'grossRevenueChurn', 'netRevenueChurn'] as const;

/** The retention report's rows as figures, one per ratio metric. */
export function retentionFigures(rows: readonly RetentionRowWire[]): MetricFigure[] {
  return rows.flatMap((row) =>
    retentionRatioMetrics.map((metric) => ({
      segment: row.segment,
      metric,
      periodStart: row.periodStart,
      complete: row.complete,
      value: row[metric],
    })),
  );
}

/** The NPS report's rows as the NPS rules read them: n, the score and the detractor share. */
export function npsRowFigures(rows: readonly NpsRowWire[]): NpsFigure[] {
  return rows.map((row) => ({
    segment: row.segment,
    periodStart: row.periodStart,
    complete: row.complete,
    responses: row.nps.n,
    nps: row.nps.score,
    detractorShare: row.nps.detractors.share,
  }));
}

/** NPS per segment as figures of the `nps` metric; a period with fewer answers than the minimum is unknown. */
export function npsFigures(figures: readonly NpsFigure[], minimumResponses: number): MetricFigure[] {
  return figures.map((figure) => ({
    segment: figure.segment,
    metric: 'nps',
    periodStart: figure.periodStart,
    complete: figure.complete,
    value: figure.responses >= minimumResponses ? figure.nps : null,
  }));
}

/** The complete periods of one segment's metric, oldest first. */
function completeSeries(figures: readonly MetricFigure[], segment: string, metric: RetentionMetric) {
  return figures
    .filter((figure) => figure.complete && figure.segment === segment && figure.metric === metric)
    .toSorted((a, b) => a.periodStart.localeCompare(b.periodStart));
}

/** True when `value` is on the wrong side of `reference` for this metric. */
const isWorse = (metric: RetentionMetric, value: number, reference: number): boolean =>
  higherIsBetter[metric] ? value < reference - epsilon : value > reference + epsilon;

/**
 * For each target: `below_target` when the last complete period is on the wrong side of it (exactly on the
 * target is no breach), and `worsening` when that period is worse than the one before, which was worse than
 * the one before it. Unknown values give no verdict.
 */
export function targetVerdicts(
  figures: readonly MetricFigure[],
  targets: ReportSettings['targets'],
): Verdict[] {
  const verdicts: Verdict[] = [];
  for (const { segment, metric, target } of targets) {
    const series = completeSeries(figures, segment, metric);
    const [older, previous, last] = series.slice(-3);
    const latest = series.at(-1);
    if (latest === undefined || latest.value === null) continue;
    const where = { segment, metric, periodStart: latest.periodStart };
    verdicts.push(
      isWorse(metric, latest.value, target)
        ? { ...where, kind: 'below_target', state: 'breach', value: latest.value, reference: target }
        : { ...where, kind: 'below_target', state: 'clear' },
    );
    // Two steps need three periods with values: fewer judge nothing about a trend.
    if (last === undefined || previous?.value == null || older?.value == null || last.value === null)
      continue;
    const worsened =
      isWorse(metric, last.value, previous.value) && isWorse(metric, previous.value, older.value);
    verdicts.push(
      worsened
        ? { ...where, kind: 'worsening', state: 'breach', value: last.value, reference: previous.value }
        : { ...where, kind: 'worsening', state: 'clear' },
    );
  }
  return verdicts;
}

/**
 * Per segment, on its last complete period with at least the minimum answers: `nps_below` when NPS is under
 * the threshold, and `detractor_rise` when the detractor share rose by at least the set percentage points
 * against the complete period before it (which needs the minimum answers too).
 */
export function npsVerdicts(figures: readonly NpsFigure[], survey: ReportSettings['survey']): Verdict[] {
  const verdicts: Verdict[] = [];
  const segments = [...new Set(figures.map((figure) => figure.segment))].toSorted();
  for (const segment of segments) {
    const series = figures
      .filter((figure) => figure.complete && figure.segment === segment)
      .toSorted((a, b) => a.periodStart.localeCompare(b.periodStart));
    const latest = series.at(-1);
    const previous = series.at(-2);
    if (latest === undefined || latest.responses < survey.minimumResponses) continue;
    const where = { segment, periodStart: latest.periodStart };
    if (latest.nps !== null) {
      verdicts.push(
        latest.nps < survey.npsAlertBelow - epsilon
          ? {
              ...where,
              metric: 'nps',
              kind: 'nps_below',
              state: 'breach',
              value: latest.nps,
              reference: survey.npsAlertBelow,
            }
          : { ...where, metric: 'nps', kind: 'nps_below', state: 'clear' },
      );
    }
    if (
      latest.detractorShare === null ||
      previous === undefined ||
      previous.responses < survey.minimumResponses ||
      previous.detractorShare === null
    )
      continue;
    const risePp = (latest.detractorShare - previous.detractorShare) * 100;
    verdicts.push(
      risePp >= survey.detractorRiseAlertPp - epsilon
        ? {
            ...where,
            metric: 'detractorShare',
            kind: 'detractor_rise',
            state: 'breach',
            value: latest.detractorShare,
            reference: previous.detractorShare,
          }
        : { ...where, metric: 'detractorShare', kind: 'detractor_rise', state: 'clear' },
    );
  }
  return verdicts;
}

/** An alert as the store holds it, open. */
export interface OpenAlert extends AlertSeries {
  id: number;
  lastPeriodStart: string;
}

export interface AlertChanges {
  /** Breaches with no open alert of their series: a new alert each. */
  raise: (Verdict & { state: 'breach' })[];
  /** Open alerts still in breach in a later period: the same breach, followed. */
  follow: { id: number; lastPeriodStart: string; value: number; reference: number }[];
  close: { id: number; reason: 'recovered' | 'target_removed' }[];
}

const seriesKey = (series: AlertSeries): string =>
  `${series.segment}\u0000${series.metric}\u0000${series.kind}`;
const targetRuleKinds: readonly AlertKind[] = ['below_target', 'worsening'];

/**
 * What the verdicts do to the open alerts. A series has at most one open alert: a breach that goes on into
 * later periods is the same breach (followed, never raised again); a clear verdict closes it; a target that
 * was removed closes the alerts of its rules, since nothing measures them any more. A series without a
 * verdict keeps its alert as it is.
 */
export function planAlertChanges(
  open: readonly OpenAlert[],
  verdicts: readonly Verdict[],
  targets: ReportSettings['targets'],
): AlertChanges {
  const openBySeries = new Map(open.map((alert) => [seriesKey(alert), alert]));
  const targeted = new Set(targets.map((target) => `${target.segment}\u0000${target.metric}`));
  const changes: AlertChanges = { raise: [], follow: [], close: [] };
  for (const verdict of verdicts) {
    const alert = openBySeries.get(seriesKey(verdict));
    if (verdict.state === 'clear') {
      if (alert !== undefined) changes.close.push({ id: alert.id, reason: 'recovered' });
      continue;
    }
    if (alert === undefined) changes.raise.push(verdict);
    else if (verdict.periodStart > alert.lastPeriodStart)
      changes.follow.push({
        id: alert.id,
        lastPeriodStart: verdict.periodStart,
        value: verdict.value,
        reference: verdict.reference,
      });
  }
  for (const alert of open) {
    if (!targetRuleKinds.includes(alert.kind)) continue;
    if (!targeted.has(`${alert.segment}\u0000${alert.metric}`))
      changes.close.push({ id: alert.id, reason: 'target_removed' });
  }
  return changes;
}
