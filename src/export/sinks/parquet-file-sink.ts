import type { SchemaElement } from 'hyparquet';
import { fileWriter, ParquetWriter } from 'hyparquet-writer';
import type { ColumnSource } from 'hyparquet-writer';

import type { ExportColumn, ExportColumnType, ExportValue } from '../export-columns.ts';
import type { DatasetSink } from './dataset-sink.ts';

/** Every column is OPTIONAL: BI tools read a missing value as null. */
const elementOf: Readonly<Record<ExportColumnType, Omit<SchemaElement, 'name'>>> = {
  text: { type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: { type: 'STRING' } },
  integer: { type: 'INT32' },
  bigint: { type: 'INT64' },
  number: { type: 'DOUBLE' },
  boolean: { type: 'BOOLEAN' },
  timestamp: {
    type: 'INT64',
    converted_type: 'TIMESTAMP_MILLIS',
    logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MILLIS' },
  },
  date: { type: 'INT32', converted_type: 'DATE', logical_type: { type: 'DATE' } },
  json: { type: 'BYTE_ARRAY', converted_type: 'JSON', logical_type: { type: 'JSON' } },
};

export function parquetSchema(columns: readonly ExportColumn[]): SchemaElement[] {
  return [
    { name: 'root', num_children: columns.length },
    ...columns.map((column): SchemaElement => ({
      name: column.name,
      repetition_type: 'OPTIONAL',
      ...elementOf[column.type],
    })),
  ];
}

/** The writer's input per type: INT64 wants bigint, DATE a Date at UTC midnight. */
function parquetValue(type: ExportColumnType, value: ExportValue): unknown {
  if (value === null) return null;
  if (type === 'bigint' && typeof value === 'number') return BigInt(value);
  if (type === 'date' && typeof value === 'string') return new Date(`${value}T00:00:00Z`);
  return value;
}

/** A Parquet file with typed columns; each batch becomes one row group, so memory stays at one batch. */
export function openParquetSink(path: string, columns: readonly ExportColumn[]): Promise<DatasetSink> {
  const writer = new ParquetWriter({
    writer: fileWriter(path),
    schema: parquetSchema(columns),
    createdBy: 'Harbor (harbor export)',
  });
  return Promise.resolve({
    async write(rows) {
      if (rows.length === 0) return;
      const columnData = columns.map((column): ColumnSource => ({
        name: column.name,
        data: rows.map((row) => parquetValue(column.type, row[column.name] ?? null)),
      }));
      await writer.write({ columnData, rowGroupSize: rows.length });
    },
    async close() {
      await writer.finish();
    },
    abort: () => Promise.resolve(),
  });
}
