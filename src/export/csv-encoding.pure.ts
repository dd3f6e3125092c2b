import type { ExportColumn, ExportRow, ExportValue } from './export-columns.ts';

/** RFC 4180 §2: records end with CRLF. */
export const csvRecordEnd = '\r\n';

/**
 * One field per RFC 4180: quoted when it holds a comma, a double quote, CR or LF, quotes doubled. Null is an
 * empty field and the empty string is `""`, so a reader that tells them apart (PostgreSQL's COPY, DuckDB)
 * gets null back as null.
 */
export function csvField(text: string | null): string {
  if (text === null) return '';
  if (text === '' || /[",\r\n]/.test(text)) return `"${text.replaceAll('"', '""')}"`;
  return text;
}

/** A value in its CSV spelling: ISO 8601 UTC timestamps, YYYY-MM-DD days, JSON text, true/false. */
export function csvText(column: ExportColumn, value: ExportValue): string | null {
  if (value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (column.type === 'json') return JSON.stringify(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function csvHeader(columns: readonly ExportColumn[]): string {
  return columns.map((column) => csvField(column.name)).join(',') + csvRecordEnd;
}

export function csvRecords(columns: readonly ExportColumn[], rows: readonly ExportRow[]): string {
  let out = '';
  for (const row of rows) {
    out +=
      columns.map((column) => csvField(csvText(column, row[column.name] ?? null))).join(',') + csvRecordEnd;
  }
  return out;
}
