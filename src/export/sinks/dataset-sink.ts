import type { ExportColumn, ExportRow } from '../export-columns.ts';

export const exportFormats = ['csv', 'parquet'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** Where one dataset's rows go, batch by batch; the file is complete only after `close`. */
export interface DatasetSink {
  write(rows: readonly ExportRow[]): Promise<void>;
  close(): Promise<void>;
  /** Stops writing after a failure (the file is then removed with the staging folder). */
  abort(): Promise<void>;
}

export type OpenSink = (path: string, columns: readonly ExportColumn[]) => Promise<DatasetSink>;
