import { mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

import type { Kysely } from 'kysely';

import { AppError } from '../shared/errors/app-error.ts';
import type { Database } from '../store/database-schema.ts';
import type { ExportDataset } from './datasets/export-dataset.ts';
import { exportDatasets } from './export-datasets.ts';
import { schemaDocument } from './export-schema.pure.ts';
import { openCsvSink } from './sinks/csv-file-sink.ts';
import type { DatasetSink, ExportFormat, OpenSink } from './sinks/dataset-sink.ts';
import { openParquetSink } from './sinks/parquet-file-sink.ts';

export const defaultBatchSize = 5_000;

const sinks: Readonly<Record<ExportFormat, OpenSink>> = { csv: openCsvSink, parquet: openParquetSink };

export interface ExportProgress {
  dataset: string;
  file: string;
  rows: number;
  done: boolean;
}

export interface ExportOptions {
  db: Kysely<Database>;
  /** Already checked to be installed portals; their rows share each dataset's file. */
  portalIds: readonly number[];
  dir: string;
  format: ExportFormat;
  now: Date;
  batchSize?: number;
  datasets?: readonly ExportDataset[];
  onProgress?: (progress: ExportProgress) => void;
}

export interface ExportSummary {
  dir: string;
  files: { dataset: string; file: string; rows: number }[];
}

/**
 * Writes one file per dataset plus schema.json into `dir`. Everything is written into a staging folder inside
 * `dir` first and renamed into place only when every dataset succeeded, so a failed export leaves the files
 * of the previous export (or nothing) there, never half a file.
 */
export async function runExport(options: ExportOptions): Promise<ExportSummary> {
  const dir = resolve(options.dir);
  const datasets = options.datasets ?? exportDatasets;
  const batchSize = options.batchSize ?? defaultBatchSize;
  const staging = await openStaging(dir);
  const files: ExportSummary['files'] = [];
  try {
    for (const dataset of datasets) {
      const file = `${dataset.name}.${options.format}`;
      const rows = await writeDataset(options, dataset, join(staging, file), batchSize, (count, done) =>
        options.onProgress?.({ dataset: dataset.name, file, rows: count, done }),
      );
      files.push({ dataset: dataset.name, file, rows });
    }
    const schema = schemaDocument({
      format: options.format,
      exportedAt: options.now,
      portals: options.portalIds,
      datasets: datasets.map((dataset, index) => ({ ...dataset, rows: files[index]?.rows ?? 0 })),
    });
    await writeFile(join(staging, 'schema.json'), `${JSON.stringify(schema, null, 2)}\n`, { flag: 'wx' });
    for (const { file } of [...files, { file: 'schema.json' }]) {
      await rename(join(staging, file), join(dir, file));
    }
    return { dir, files };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function writeDataset(
  options: ExportOptions,
  dataset: ExportDataset,
  path: string,
  batchSize: number,
  progress: (rows: number, done: boolean) => void,
): Promise<number> {
  const sink: DatasetSink = await sinks[options.format](path, dataset.columns);
  let rows = 0;
  try {
    for (const portalId of options.portalIds) {
      for await (const batch of dataset.batches({ db: options.db, portalId, now: options.now, batchSize })) {
        await sink.write(batch);
        rows += batch.length;
        progress(rows, false);
      }
    }
    await sink.close();
  } catch (error) {
    await sink.abort();
    throw error;
  }
  progress(rows, true);
  return rows;
}

/** The target folder (created when missing) and a fresh staging folder inside it, or an error saying why not. */
async function openStaging(dir: string): Promise<string> {
  try {
    const found = await stat(dir).catch((error: unknown) => {
      if (isErrno(error, 'ENOENT')) return undefined;
      throw error;
    });
    if (found !== undefined && !found.isDirectory()) {
      throw new AppError('VALIDATION_FAILED', `${dir} is not a folder`);
    }
    if (found === undefined) await mkdir(dir, { recursive: true });
    return await mkdtemp(join(dir, '.harbor-export-'));
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = isErrno(error) ? error.code : undefined;
    const why =
      code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? 'permission denied'
        : code === 'ENOTDIR'
          ? 'a part of the path is a file'
          : (code ?? 'unknown error');
    throw new AppError('VALIDATION_FAILED', `cannot write to ${dir}: ${why}`, { cause: error });
  }
}

function isErrno(error: unknown, code?: string): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error && (code === undefined || error.code === code);
}
