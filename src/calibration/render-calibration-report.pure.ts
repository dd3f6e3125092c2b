import type { CalibrationReport, FeatureWeight, SegmentReport } from './calibrate-table.pure.ts';

/** Weights shown in the text report; --json lists them all. */
const shownWeights = 15;

/** The human-readable `harbor calibrate` report. */
export function renderCalibrationReport(report: CalibrationReport, source: string): string {
  const skipped = report.skippedRows > 0 ? ` (${count(report.skippedRows)} rows skipped)` : '';
  const lines = [
    `Calibrated from ${source}: ${count(report.rows)} accounts${skipped}, ${report.features} features.`,
    `Held out ${count(report.heldOutRows)} accounts, never seen by the fit:`,
    `  AUC               ${fixed(report.auc, 3).padEnd(6)}  (0.5 = chance, 1 = perfect)`,
    `  top-decile lift   ${lift(report.topDecileLift).padEnd(6)}  (churn rate of the riskiest 10% over the average)`,
    `  Brier             ${fixed(report.brier, 3).padEnd(6)}  (lower is better)`,
    `  false-green rate  ${share(report.falseGreenRate).padEnd(6)}  (churned while rated below-average risk)`,
    report.segmentL2 === undefined
      ? `Penalty l2 = ${report.l2}, chosen by cross-validation.`
      : `Penalties, chosen by cross-validation: l2 = ${report.l2} toward 0, ${report.segmentL2} holding segments to the pooled weights.`,
  ];
  if (report.cells.blank + report.cells.malformed > 0) {
    lines.push(
      `Cells treated as missing: ${count(report.cells.blank)} blank, ${count(report.cells.malformed)} malformed (numbers get the training average).`,
    );
  }
  lines.push('', 'Weights (change in churn log-odds per standard deviation; + raises churn risk):');
  lines.push(...weightTable(report.weights.slice(0, shownWeights)));
  if (report.weights.length > shownWeights) {
    lines.push(`  … and ${report.weights.length - shownWeights} more (--json lists them all)`);
  }
  if (report.segments !== undefined)
    lines.push('', 'Segments (held-out metrics):', ...segmentTable(report.segments));
  if (report.warnings.length > 0)
    lines.push('', 'Warnings:', ...report.warnings.map((warning) => `  - ${warning}`));
  return lines.join('\n');
}

function weightTable(weights: readonly FeatureWeight[]): string[] {
  return table(
    ['feature', 'weight', 'per unit'],
    weights.map((weight) => [weight.feature, signed(weight.weight, 3), signedPrecision(weight.perUnit)]),
  );
}

function segmentTable(segments: readonly SegmentReport[]): string[] {
  return table(
    ['segment', 'train', 'churned', 'held out', 'AUC', 'lift', 'Brier', 'false-green', 'weights'],
    segments.map((segment) => [
      segment.segment,
      count(segment.trainRows),
      count(segment.trainChurned),
      count(segment.heldOutRows),
      fixed(segment.auc, 3),
      lift(segment.topDecileLift),
      fixed(segment.brier, 3),
      share(segment.falseGreenRate),
      segment.usesPooled ? 'pooled' : 'own',
    ]),
  );
}

/** Left-aligned first column, right-aligned numbers. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((title, c) =>
    Math.max(title.length, ...rows.map((row) => (row[c] ?? '').length)),
  );
  const render = (row: readonly string[]): string =>
    `  ${row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  ')}`.trimEnd();
  return [render(header), ...rows.map(render)];
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}

function fixed(value: number | null, digits: number): string {
  return value === null ? 'n/a' : value.toFixed(digits);
}

function lift(value: number | null): string {
  return value === null ? 'n/a' : `${value.toFixed(2)}×`;
}

function share(value: number | null): string {
  return value === null ? 'n/a' : `${Math.round(value * 100)}%`;
}

function signed(value: number, digits: number): string {
  return `${value >= 0 ? '+' : ''}${value.toFixed(digits)}`;
}

/** Per-unit weights span many scales (per dollar vs per ticket): three significant digits. */
function signedPrecision(value: number): string {
  return `${value >= 0 ? '+' : ''}${Number(value.toPrecision(3))}`;
}
