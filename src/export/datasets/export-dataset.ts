import type { Kysely } from 'kysely';

import type { Database } from '../../store/database-schema.ts';
import type { ExportColumn, ExportRow } from '../export-columns.ts';

export interface DatasetContext {
  db: Kysely<Database>;
  portalId: number;
  /** The export's "today" (the retention report's open periods are measured from it). */
  now: Date;
  /** Rows per batch: the most of a dataset held in memory at once. */
  batchSize: number;
}

/** One file of `harbor export` (and, for most, one bi_* view): its columns and its rows, batch by batch. */
export interface ExportDataset {
  /** The file's name without extension, and the key in schema.json. */
  name: string;
  description: string;
  /** Where the rows come from, in words (the view's name for view datasets). */
  source: string;
  columns: readonly ExportColumn[];
  /** The rows of one portal, in batches of at most `batchSize`, in a stable order. */
  batches(context: DatasetContext): AsyncIterable<readonly ExportRow[]>;
}
