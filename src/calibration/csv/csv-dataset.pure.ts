import { CalibrationInputError } from '../calibration-input-error.ts';
import type { ParsedCsv } from './parse-csv.pure.ts';
import { examples, fillMatrix, typeColumn, warnMalformed, type ColumnSummary } from './column-typing.pure.ts';
import { isBlankCell, labelSpellings, readLabel } from './read-cell.pure.ts';

export interface CsvDatasetOptions {
  /** The column saying whether the account churned. */
  label: string;
  /** A column whose values name segments (e.g. tier, region): one shrunk model per value. */
  segment?: string;
  /** An account id column: keys the train/test split so it does not depend on row order. */
  id?: string;
}

export type { ColumnSummary };

/** A design matrix built from a CSV of past accounts, plus what was skipped or repaired on the way. */
export interface CsvDataset {
  /** Row-major n × d; NaN marks a blank or malformed numeric cell (imputed later from training rows). */
  x: Float64Array;
  /** 1 = churned. */
  y: Uint8Array;
  n: number;
  d: number;
  /** Column names, one-hot levels as `column=level`. */
  features: string[];
  segments?: string[];
  ids?: string[];
  /** Data rows not used: blank or unreadable label, or the wrong number of cells. */
  skippedRows: number;
  /**
   * Feature cells in usable rows that were blank, or malformed: not a number in a numeric column, or a
   * spreadsheet error value (#VALUE!, #REF!…) anywhere. Both are treated as missing.
   */
  cells: { blank: number; malformed: number };
  columns: ColumnSummary[];
  warnings: string[];
}

export const minRows = 20;
export const minPerClass = 5;

/**
 * Types each column from its cells (numeric, else categorical one-hot, else ignored with a warning),
 * reads the label, and throws a CalibrationInputError a spreadsheet user can act on when the file cannot
 * be calibrated from.
 */
export function buildCsvDataset(csv: ParsedCsv, options: CsvDatasetOptions): CsvDataset {
  const [headerRow, ...dataRows] = csv.rows;
  if (headerRow === undefined) {
    throw new CalibrationInputError(
      'The file is empty: expected a header row of column names, then one row per account.',
    );
  }
  const warnings: string[] = [];
  const header = nameColumns(headerRow, warnings);
  if (dataRows.length === 0) throw new CalibrationInputError('The file has a header row but no data rows.');

  const labelColumn = findColumn(header, options.label, 'Label');
  const segmentColumn =
    options.segment === undefined ? undefined : findColumn(header, options.segment, 'Segment');
  const idColumn = options.id === undefined ? undefined : findColumn(header, options.id, 'Id');
  if (segmentColumn === labelColumn || idColumn === labelColumn) {
    throw new CalibrationInputError(
      `Column '${header[labelColumn] ?? ''}' cannot be both the label and the segment or id.`,
    );
  }
  const labelName = header[labelColumn] ?? '';
  const usable = readLabels(csv, dataRows, header.length, labelColumn, labelName, warnings);
  const skippedRows = usable.skipped;
  checkClasses(usable.labels, labelName);

  const reserved = new Set([labelColumn, segmentColumn, idColumn]);
  const featureColumns = header.map((_, index) => index).filter((index) => !reserved.has(index));
  const rows = usable.rows.map((index) => dataRows[index] ?? []);
  const typed = featureColumns.map((index) => typeColumn(header[index] ?? '', rows, index, warnings));
  warnMalformed(typed, warnings);
  const columns = typed.map((column) => column.summary);
  const matrix = fillMatrix(typed, rows);
  if (matrix.d === 0) {
    const ignored = columns.flatMap((column) =>
      column.kind === 'ignored' ? [`'${column.name}' ${column.reason}`] : [],
    );
    const detail =
      ignored.length > 0
        ? `: ${ignored.join('; ')}`
        : ' (the file has only the label, segment and id columns)';
    throw new CalibrationInputError(`No column can be used to predict churn${detail}.`.replace(/\.\.$/, '.'));
  }

  const dataset: CsvDataset = {
    ...matrix,
    y: Uint8Array.from(usable.labels),
    n: rows.length,
    skippedRows,
    columns,
    warnings,
  };
  if (segmentColumn !== undefined) {
    dataset.segments = rows.map((row) => {
      const cell = (row[segmentColumn] ?? '').trim();
      return isBlankCell(cell) ? '(blank)' : cell;
    });
  }
  if (idColumn !== undefined) {
    dataset.ids = rows.map((row) => (row[idColumn] ?? '').trim());
    const duplicates = dataset.ids.length - new Set(dataset.ids).size;
    if (duplicates > 0)
      warnings.push(`${duplicates} rows repeat an id already seen in column '${header[idColumn] ?? ''}'.`);
  }
  return dataset;
}

function nameColumns(headerRow: readonly string[], warnings: string[]): string[] {
  if (headerRow.every((cell) => cell.trim() === '')) {
    throw new CalibrationInputError('The first row should hold the column names, but it is empty.');
  }
  const seen = new Set<string>();
  return headerRow.map((cell, index) => {
    let name = cell.trim() === '' ? `column ${index + 1}` : cell.trim();
    if (seen.has(name)) {
      let copy = 2;
      while (seen.has(`${name} (${copy})`)) copy += 1;
      warnings.push(
        `Column name '${name}' appears more than once; the copy in column ${index + 1} is called '${name} (${copy})'.`,
      );
      name = `${name} (${copy})`;
    }
    seen.add(name);
    return name;
  });
}

/** Exact name first, then the one column that matches ignoring case and surrounding spaces. */
function findColumn(header: readonly string[], wanted: string, role: string): number {
  const exact = header.indexOf(wanted);
  if (exact >= 0) return exact;
  const loose = wanted.trim().toLowerCase();
  const matches = header.flatMap((name, index) => (name.toLowerCase() === loose ? [index] : []));
  if (matches.length === 1 && matches[0] !== undefined) return matches[0];
  const shown = header.length > 40 ? [...header.slice(0, 40), `… and ${header.length - 40} more`] : header;
  throw new CalibrationInputError(
    `${role} column '${wanted}' not found. Columns in the file: ${shown.join(', ')}.`,
  );
}

interface UsableRows {
  /** Indices into the data rows. */
  rows: number[];
  labels: (0 | 1)[];
  skipped: number;
}

function readLabels(
  csv: ParsedCsv,
  dataRows: readonly string[][],
  width: number,
  labelColumn: number,
  labelName: string,
  warnings: string[],
): UsableRows {
  const usable: UsableRows = { rows: [], labels: [], skipped: 0 };
  const ragged: number[] = [];
  let blankLabels = 0;
  const unreadable: string[] = [];
  dataRows.forEach((row, index) => {
    if (row.every((cell) => cell.trim() === '')) return;
    if (row.length !== width) {
      ragged.push(csv.lines[index + 1] ?? 0);
      return;
    }
    const cell = row[labelColumn] ?? '';
    const label = readLabel(cell);
    if (label !== undefined) {
      usable.rows.push(index);
      usable.labels.push(label);
    } else if (isBlankCell(cell)) blankLabels += 1;
    else unreadable.push(cell.trim());
  });
  usable.skipped = ragged.length + blankLabels + unreadable.length;
  if (ragged.length > 0) {
    warnings.push(
      `${ragged.length} rows skipped: not ${width} cells like the header (line ${ragged.slice(0, 5).join(', ')}${ragged.length > 5 ? ', …' : ''}).`,
    );
  }
  if (csv.unclosedQuoteLine !== null) {
    warnings.push(
      `A quote opened on line ${csv.unclosedQuoteLine} is never closed; the rest of the file was read as one cell.`,
    );
  }
  if (blankLabels > 0) warnings.push(`${blankLabels} rows skipped: '${labelName}' is blank.`);
  if (unreadable.length > 0) {
    warnings.push(
      `${unreadable.length} rows skipped: '${labelName}' is not one of ${labelSpellings} (e.g. ${examples(unreadable)}).`,
    );
  }
  if (usable.rows.length === 0) {
    const found = unreadable.length > 0 ? ` Found e.g. ${examples(unreadable)}.` : '';
    throw new CalibrationInputError(
      `No row has a usable churn label in column '${labelName}': expected ${labelSpellings}.${found}`,
    );
  }
  return usable;
}

function checkClasses(labels: readonly (0 | 1)[], labelName: string): void {
  let churned = 0;
  for (const label of labels) churned += label;
  const retained = labels.length - churned;
  if (churned === 0 || retained === 0) {
    throw new CalibrationInputError(
      `label column '${labelName}' has only one class (every usable row is ${churned === 0 ? 0 : 1}); calibration needs churned and retained accounts`,
    );
  }
  if (labels.length < minRows) {
    throw new CalibrationInputError(
      `Only ${labels.length} usable rows; calibration needs at least ${minRows} accounts with a churn label.`,
    );
  }
  if (churned < minPerClass || retained < minPerClass) {
    throw new CalibrationInputError(
      `Only ${churned} churned and ${retained} retained accounts; calibration needs at least ${minPerClass} of each.`,
    );
  }
}
