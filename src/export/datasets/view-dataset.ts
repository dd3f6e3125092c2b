import { AppError } from '../../shared/errors/app-error.ts';
import { readBiViewPage, type BiCursorType } from '../../store/repositories/bi-views-repository.ts';
import type { ExportColumn, ExportColumnType, ExportRow, ExportValue } from '../export-columns.ts';
import type { DatasetContext, ExportDataset } from './export-dataset.ts';

export interface ViewDatasetSpec {
  name: string;
  description: string;
  /** A bi_* view of migration 0016. */
  view: string;
  /** The view's unique ordering within a portal: the keyset cursor. */
  key: readonly string[];
  columns: readonly ExportColumn[];
}

const cursorTypes: Partial<Record<ExportColumnType, BiCursorType>> = {
  text: 'text',
  integer: 'integer',
  bigint: 'bigint',
  date: 'date',
};

/** A dataset read from a view with keyset pagination: memory stays at one batch however large the portal. */
export function viewDataset(spec: ViewDatasetSpec): ExportDataset {
  const key = spec.key.map((name) => {
    const column = spec.columns.find((candidate) => candidate.name === name);
    const type = column === undefined ? undefined : cursorTypes[column.type];
    if (type === undefined) {
      throw new AppError(
        'INTERNAL',
        `dataset ${spec.name}: key ${name} is not a text, integer or date column`,
        {
          isOperational: false,
        },
      );
    }
    return { name, type };
  });
  const columns = spec.columns.map((column) => ({ name: column.name, isDate: column.type === 'date' }));

  async function* batches(context: DatasetContext): AsyncIterable<readonly ExportRow[]> {
    let after: readonly unknown[] | undefined;
    for (;;) {
      const rows = await readBiViewPage(context.db, {
        view: spec.view,
        columns,
        key,
        portalId: context.portalId,
        after,
        limit: context.batchSize,
      });
      if (rows.length === 0) return;
      yield rows.map((row) => toExportRow(spec.name, spec.columns, row));
      if (rows.length < context.batchSize) return;
      const last = rows[rows.length - 1] ?? {};
      after = key.map((column) => last[column.name]);
    }
  }

  return {
    name: spec.name,
    description: spec.description,
    source: `view ${spec.view}`,
    columns: spec.columns,
    batches,
  };
}

/** A row as the writers take it; a value of the wrong kind is a bug in a view, not data to pass on. */
export function toExportRow(
  dataset: string,
  columns: readonly ExportColumn[],
  row: Readonly<Record<string, unknown>>,
): ExportRow {
  const out: Record<string, ExportValue> = {};
  for (const column of columns) {
    out[column.name] = exportValue(dataset, column, row[column.name]);
  }
  return out;
}

function exportValue(dataset: string, column: ExportColumn, value: unknown): ExportValue {
  if (value === null || value === undefined) return null;
  const fits = (() => {
    switch (column.type) {
      case 'text':
      case 'date':
        return typeof value === 'string';
      case 'integer':
      case 'bigint':
        return typeof value === 'number' && Number.isSafeInteger(value);
      case 'number':
        return typeof value === 'number';
      case 'boolean':
        return typeof value === 'boolean';
      case 'timestamp':
        return value instanceof Date && !Number.isNaN(value.getTime());
      case 'json':
        return typeof value === 'object';
    }
  })();
  if (!fits) {
    throw new AppError('INTERNAL', `dataset ${dataset}: column ${column.name} is not a ${column.type}`, {
      isOperational: false,
      details: { dataset, column: column.name, got: typeof value },
    });
  }
  return value;
}
