import { Prng } from '../../sandbox/generator/prng.ts';

export interface SyntheticNumeric {
  name: string;
  /** True churn log-odds per standard deviation. */
  weight: number;
  mean?: number;
  sd?: number;
}

export interface SyntheticCategory {
  name: string;
  /** Level → churn log-odds shift. */
  levels: Record<string, number>;
}

export interface SyntheticSegment {
  name: string;
  /** Relative size. */
  share: number;
  /** Churn log-odds shift of the whole segment. */
  shift?: number;
  /** Per numeric feature (by name): an extra weight in this segment only. */
  extraWeights?: Record<string, number>;
}

export interface SyntheticTable {
  rows: number;
  seed: number;
  /** Baseline churn log-odds (−1.4 ≈ 20 % churn). */
  intercept?: number;
  numeric: readonly SyntheticNumeric[];
  categories?: readonly SyntheticCategory[];
  segments?: readonly SyntheticSegment[];
  /** Share of feature cells left blank, and written as junk ("#VALUE!"). */
  blankRate?: number;
  malformedRate?: number;
}

/**
 * A CSV of past accounts whose churn follows a known logistic model, for the acceptance tests and the bench:
 * columns account_id, segment (when segments are given), the numeric and categorical features, churned
 * (yes/no). Numbers are written as spreadsheets do, some with thousands separators.
 */
export function generateChurnCsv(table: SyntheticTable): string {
  const random = new Prng(table.seed, 0x5eed);
  const segments = table.segments ?? [];
  const categories = table.categories ?? [];
  const header = [
    'account_id',
    ...(segments.length > 0 ? ['segment'] : []),
    ...table.numeric.map((column) => column.name),
    ...categories.map((column) => column.name),
    'churned',
  ];
  const lines = [header.join(',')];
  const segmentShares = segments.map((segment) => segment.share);
  for (let row = 0; row < table.rows; row += 1) {
    const segment = segments.length > 0 ? random.weightedPick(segments, segmentShares) : undefined;
    let logOdds = (table.intercept ?? -1.4) + (segment?.shift ?? 0);
    const cells: string[] = [`A${String(row + 1).padStart(6, '0')}`];
    if (segment !== undefined) cells.push(segment.name);
    for (const column of table.numeric) {
      const z = random.normal();
      logOdds += z * (column.weight + (segment?.extraWeights?.[column.name] ?? 0));
      cells.push(featureCell(random, table, (column.mean ?? 0) + (column.sd ?? 1) * z));
    }
    for (const column of categories) {
      const names = Object.keys(column.levels);
      const level = random.pick(names);
      logOdds += column.levels[level] ?? 0;
      cells.push(featureCell(random, table, level));
    }
    cells.push(random.chance(1 / (1 + Math.exp(-logOdds))) ? 'yes' : 'no');
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}

function featureCell(random: Prng, table: SyntheticTable, value: number | string): string {
  const draw = random.float();
  if (draw < (table.blankRate ?? 0)) return '';
  if (draw < (table.blankRate ?? 0) + (table.malformedRate ?? 0)) return '#VALUE!';
  if (typeof value === 'string') return value;
  // Big values as a spreadsheet exports them: quoted, with a thousands separator.
  if (Math.abs(value) >= 1000) return `"${value.toLocaleString('en-US', { maximumFractionDigits: 2 })}"`;
  return value.toFixed(3);
}
