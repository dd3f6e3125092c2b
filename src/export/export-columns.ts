/**
 * The types a dataset column can have, as the CSV and Parquet writers and schema.json name them. Each maps to
 * one Parquet type (see parquet-file-sink.ts) and one CSV spelling (see csv-encoding.pure.ts).
 */
export const exportColumnTypes = [
  'text',
  'integer',
  'bigint',
  'number',
  'boolean',
  'timestamp',
  'date',
  'json',
] as const;
export type ExportColumnType = (typeof exportColumnTypes)[number];

export interface ExportColumn {
  name: string;
  type: ExportColumnType;
  /** What the column means, for schema.json and docs/bi-export.md. */
  meaning: string;
}

/**
 * A value as the writers take it: text, integer, bigint, number → number or string; timestamp → Date; date →
 * 'YYYY-MM-DD'; json → any JSON value; every column may be null.
 */
export type ExportValue = string | number | boolean | Date | null | object;
export type ExportRow = Readonly<Record<string, ExportValue>>;

/** How each type is described in schema.json and the docs. */
export const columnTypeMeanings: Readonly<Record<ExportColumnType, string>> = {
  text: 'UTF-8 text',
  integer: '32-bit integer',
  bigint: '64-bit integer',
  number: 'double-precision number',
  boolean: 'true or false',
  timestamp: 'instant in UTC (CSV: ISO 8601 with milliseconds and Z; Parquet: TIMESTAMP_MILLIS, UTC)',
  date: 'calendar day (CSV: YYYY-MM-DD; Parquet: DATE)',
  json: 'JSON document (CSV: JSON text; Parquet: BYTE_ARRAY with the JSON annotation)',
};
