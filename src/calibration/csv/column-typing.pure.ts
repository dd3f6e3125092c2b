import { isBlankCell, isSpreadsheetError, readNumber } from './read-cell.pure.ts';

/** What became of one feature column. */
export type ColumnSummary =
  | { name: string; kind: 'numeric'; blank: number; malformed: number }
  | { name: string; kind: 'categorical'; blank: number; malformed: number; levels: string[] }
  | { name: string; kind: 'ignored'; reason: string };

/** A column is numeric when at least this share of its non-blank cells read as numbers. */
const numericShare = 0.9;
/** More distinct text values than this and a column is an identifier or free text, not a category. */
export const maxLevels = 50;

/** A typed column; numeric ones keep the values read while typing so no cell is parsed twice. */
export interface TypedColumn {
  summary: ColumnSummary;
  source: number;
  values?: Float64Array;
  malformedExamples: string[];
}

/**
 * Numeric when nearly every non-blank cell reads as a number, else a category of at most maxLevels values,
 * else ignored; constant and all-blank columns are ignored too. Each ignored column gets a warning.
 */
export function typeColumn(
  name: string,
  rows: readonly string[][],
  source: number,
  warnings: string[],
): TypedColumn {
  let blank = 0;
  let numeric = 0;
  let errors = 0;
  let firstNumber: number | undefined;
  let numbersVary = false;
  const values = new Float64Array(rows.length).fill(Number.NaN);
  const textExamples: string[] = [];
  const errorExamples: string[] = [];
  const levels = new Map<string, { label: string; count: number }>();
  for (let r = 0; r < rows.length; r += 1) {
    const cell = rows[r]?.[source] ?? '';
    if (isBlankCell(cell)) {
      blank += 1;
      continue;
    }
    const value = readNumber(cell);
    if (value === undefined) {
      if (isSpreadsheetError(cell)) {
        errors += 1;
        if (errorExamples.length < 3) errorExamples.push(cell.trim());
        continue;
      }
      if (textExamples.length < 3) textExamples.push(cell.trim());
    } else {
      values[r] = value;
      numeric += 1;
      firstNumber ??= value;
      if (value !== firstNumber) numbersVary = true;
    }
    // Counting stops just past the limit: the column is ignored then anyway.
    if (levels.size <= maxLevels) {
      const key = cell.trim().toLowerCase();
      const level = levels.get(key);
      if (level === undefined) levels.set(key, { label: cell.trim(), count: 1 });
      else level.count += 1;
    }
  }
  const typed = (summary: ColumnSummary): TypedColumn => ({
    summary,
    source,
    malformedExamples: summary.kind === 'numeric' ? [...errorExamples, ...textExamples] : errorExamples,
  });
  const filled = rows.length - blank - errors;
  if (filled === 0) return typed(ignore(name, 'is blank in every row', warnings));
  if (numeric >= numericShare * filled) {
    const malformed = filled - numeric + errors;
    if (!numbersVary) return typed(ignore(name, 'has the same value in every row', warnings));
    if (blank + malformed > rows.length / 2) {
      warnings.push(
        `Column '${name}' is blank in ${percent(blank + malformed, rows.length)} of rows; blanks were filled with the average.`,
      );
    }
    return { ...typed({ name, kind: 'numeric', blank, malformed }), values };
  }
  if (levels.size > maxLevels) {
    const hint = numeric > 0 ? ` If it should be numeric, fix cells like ${examples(textExamples)}.` : '';
    return typed(
      ignore(name, `has more than ${maxLevels} different values, too many for a category.${hint}`, warnings),
    );
  }
  if (levels.size === 1 && blank === 0)
    return typed(ignore(name, 'has the same value in every row', warnings));
  const ordered = [...levels.values()].sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : 1));
  return typed({
    name,
    kind: 'categorical',
    blank,
    malformed: errors,
    levels: ordered.map((level) => level.label),
  });
}

/** One line for every numeric column with text in it, instead of one per column. */
export function warnMalformed(columns: readonly TypedColumn[], warnings: string[]): void {
  const affected = columns.flatMap(({ summary, malformedExamples }) =>
    summary.kind !== 'ignored' && summary.malformed > 0
      ? [{ name: summary.name, malformed: summary.malformed, malformedExamples }]
      : [],
  );
  if (affected.length === 0) return;
  const total = affected.reduce((sum, column) => sum + column.malformed, 0);
  const listed = affected.slice(0, 8).map((column) => `'${column.name}' ${column.malformed}`);
  const more = affected.length > 8 ? `, and ${affected.length - 8} more columns` : '';
  const sample = examples(affected.flatMap((column) => column.malformedExamples));
  warnings.push(
    `${total} cells are not numbers in a numeric column or are spreadsheet errors (e.g. ${sample}); they were treated as blank: ${listed.join(', ')}${more}.`,
  );
}

function ignore(name: string, reason: string, warnings: string[]): ColumnSummary {
  warnings.push(`Column '${name}' ignored: it ${reason}`.replace(/([^.])$/, '$1.'));
  return { name, kind: 'ignored', reason };
}

/** The row-major design matrix: numeric columns as read (NaN when missing), categories one-hot. */
export function fillMatrix(
  columns: readonly TypedColumn[],
  rows: readonly string[][],
): { x: Float64Array; d: number; features: string[]; cells: { blank: number; malformed: number } } {
  const features: string[] = [];
  for (const { summary } of columns) {
    if (summary.kind === 'numeric') features.push(summary.name);
    if (summary.kind === 'categorical')
      for (const level of summary.levels) features.push(`${summary.name}=${level}`);
  }
  const d = features.length;
  const x = new Float64Array(rows.length * d);
  const cells = { blank: 0, malformed: 0 };
  let offset = 0;
  for (const { summary, source, values } of columns) {
    if (summary.kind === 'numeric') {
      for (let r = 0; r < rows.length; r += 1) x[r * d + offset] = values?.[r] ?? Number.NaN;
      cells.blank += summary.blank;
      cells.malformed += summary.malformed;
      offset += 1;
    } else if (summary.kind === 'categorical') {
      const position = new Map(summary.levels.map((level, k) => [level.toLowerCase(), k]));
      rows.forEach((row, r) => {
        const cell = row[source] ?? '';
        const level = isBlankCell(cell) ? undefined : position.get(cell.trim().toLowerCase());
        if (level !== undefined) x[r * d + offset + level] = 1;
      });
      cells.blank += summary.blank;
      cells.malformed += summary.malformed;
      offset += summary.levels.length;
    }
  }
  return { x, d, features, cells };
}

export function examples(values: readonly string[]): string {
  return [...new Set(values)]
    .slice(0, 3)
    .map((value) => `'${value.length > 30 ? `${value.slice(0, 30)}…` : value}'`)
    .join(', ');
}

function percent(part: number, whole: number): string {
  return `${Math.round((100 * part) / whole)}%`;
}
