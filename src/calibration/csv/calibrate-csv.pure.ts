import { calibrateTable, type CalibrateOptions, type CalibrationReport } from '../calibrate-table.pure.ts';
import { buildCsvDataset } from './csv-dataset.pure.ts';
import { parseCsv } from './parse-csv.pure.ts';

export interface CsvColumns {
  label: string;
  segment?: string | undefined;
  id?: string | undefined;
}

/**
 * CSV text → held-out calibration report: the whole path `harbor calibrate --csv` takes once the file is
 * read (the bench times exactly this). Throws CalibrationInputError when the file cannot be calibrated from.
 */
export function calibrateCsv(
  text: string,
  columns: CsvColumns,
  options: CalibrateOptions = {},
): CalibrationReport {
  const dataset = buildCsvDataset(parseCsv(text), {
    label: columns.label,
    ...(columns.segment === undefined ? {} : { segment: columns.segment }),
    ...(columns.id === undefined ? {} : { id: columns.id }),
  });
  return calibrateTable(dataset, options);
}
