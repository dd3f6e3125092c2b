import { describe, expect, it } from 'vitest';

import { calibrateCsv } from './csv/calibrate-csv.pure.ts';
import { generateChurnCsv, type SyntheticNumeric } from './testing/synthetic-churn-csv.ts';

/** True weights per standard deviation, on deliberately different raw scales. */
const truth: SyntheticNumeric[] = [
  { name: 'open_tickets', weight: 1.2, mean: 4, sd: 3 },
  { name: 'logins_30d', weight: -0.9, mean: 400, sd: 250 },
  { name: 'nps', weight: -0.6, mean: 7, sd: 2 },
  { name: 'mrr', weight: 0.35, mean: 8000, sd: 5000 },
  { name: 'seats', weight: 0, mean: 40, sd: 20 },
];

describe('calibrateTable', () => {
  it('calibration on a generated table with a known answer recovers the sign and rank of the true weights', () => {
    const csv = generateChurnCsv({
      rows: 6000,
      seed: 11,
      numeric: truth,
      categories: [{ name: 'plan', levels: { Starter: 0.5, Pro: 0, Enterprise: -0.5 } }],
      blankRate: 0.02,
      malformedRate: 0.005,
    });
    const report = calibrateCsv(csv, { label: 'churned', id: 'account_id' });
    const weight = (feature: string): number =>
      report.weights.find((entry) => entry.feature === feature)!.weight;

    for (const column of truth.filter((candidate) => candidate.weight !== 0)) {
      expect(Math.sign(weight(column.name)), column.name).toBe(Math.sign(column.weight));
    }
    const numericByStrength = report.weights
      .filter((entry) => truth.some((column) => column.name === entry.feature))
      .map((entry) => entry.feature);
    expect(numericByStrength).toEqual(['open_tickets', 'logins_30d', 'nps', 'mrr', 'seats']);
    expect(Math.abs(weight('seats'))).toBeLessThan(0.1);
    expect(weight('plan=Starter')).toBeGreaterThan(weight('plan=Enterprise'));
    // perUnit undoes the standardisation: about 1.2 per SD of 3 tickets = 0.4 per ticket.
    expect(report.weights.find((entry) => entry.feature === 'open_tickets')!.perUnit).toBeCloseTo(0.4, 1);

    expect(report.rows).toBe(6000);
    expect(Math.abs(report.heldOutRows - 1500)).toBeLessThanOrEqual(1);
    expect(report.auc).toBeGreaterThan(0.8);
    expect(report.topDecileLift).toBeGreaterThan(2);
    expect(report.brier).toBeLessThan(0.2);
    expect(report.cells.blank).toBeGreaterThan(0);
    expect(report.cells.malformed).toBeGreaterThan(0);
  });

  it('gives the same report for the same file and seed, and a different split for another seed', () => {
    const csv = generateChurnCsv({ rows: 800, seed: 3, numeric: truth });
    const first = calibrateCsv(csv, { label: 'churned' }, { seed: 4 });
    expect(calibrateCsv(csv, { label: 'churned' }, { seed: 4 })).toEqual(first);
    expect(calibrateCsv(csv, { label: 'churned' }, { seed: 5 }).auc).not.toBe(first.auc);
  });

  it('keeps a segment with few outcomes close to the pooled weights', () => {
    const csv = generateChurnCsv({
      rows: 6000,
      seed: 21,
      numeric: truth,
      segments: [
        { name: 'smb', share: 60 },
        { name: 'mid', share: 39 },
        { name: 'strategic', share: 1, shift: -0.5 },
      ],
    });
    const report = calibrateCsv(csv, { label: 'churned', segment: 'segment', id: 'account_id' });
    const pooled = new Map(report.weights.map((entry) => [entry.feature, entry.weight]));
    const strategic = report.segments!.find((segment) => segment.segment === 'strategic')!;
    expect(strategic.trainChurned).toBeLessThan(20);
    expect(strategic.usesPooled).toBe(false);
    for (const entry of strategic.weights) {
      expect(Math.abs(entry.weight - pooled.get(entry.feature)!), entry.feature).toBeLessThan(0.15);
    }
    expect(report.segments!.map((segment) => segment.segment)).toEqual(['smb', 'mid', 'strategic']);
    expect(report.segments![0]!.auc).toBeGreaterThan(0.75);
  });

  it('scores a segment without churners with the pooled weights and says so', () => {
    const lines = generateChurnCsv({
      rows: 1000,
      seed: 8,
      numeric: truth,
      segments: [
        { name: 'core', share: 97 },
        { name: 'pilot', share: 3 },
      ],
    })
      .trimEnd()
      .split('\n')
      .map((line) => (line.includes(',pilot,') ? line.replace(/,yes$/, ',no') : line));
    const report = calibrateCsv(lines.join('\n'), { label: 'churned', segment: 'segment' });
    const pilot = report.segments!.find((segment) => segment.segment === 'pilot')!;
    expect(pilot.usesPooled).toBe(true);
    expect(pilot.weights).toEqual(report.weights);
    expect(pilot.auc).toBeNull();
    expect(report.warnings).toContain(
      "Segment 'pilot' has no churned accounts in the training rows; it is scored with the pooled weights.",
    );
  });
});
