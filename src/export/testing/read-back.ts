import { readFile } from 'node:fs/promises';

import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';

import type { ExportColumn, ExportRow, ExportValue } from '../export-columns.ts';

/** A cell as RFC 4180 reads it: `quoted` tells `""` (empty text) from an empty field (null). */
interface CsvCell {
  text: string;
  quoted: boolean;
}

/** A strict RFC 4180 reader for the tests: CRLF records, quoted fields with doubled quotes. */
export function parseCsv(text: string): CsvCell[][] {
  const records: CsvCell[][] = [];
  let record: CsvCell[] = [];
  let i = 0;
  for (;;) {
    let cell: CsvCell;
    if (text[i] === '"') {
      let value = '';
      i += 1;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote < 0) throw new Error('unterminated quoted field');
        value += text.slice(i, quote);
        if (text[quote + 1] === '"') {
          value += '"';
          i = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
      cell = { text: value, quoted: true };
    } else {
      let end = i;
      while (end < text.length && text[end] !== ',' && text[end] !== '\r') {
        if (text[end] === '\n' || text[end] === '"')
          throw new Error(`bare ${JSON.stringify(text[end])} at ${end}`);
        end += 1;
      }
      cell = { text: text.slice(i, end), quoted: false };
      i = end;
    }
    record.push(cell);
    if (text[i] === ',') {
      i += 1;
      continue;
    }
    if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
      if (i === text.length) return records;
      continue;
    }
    throw new Error(`expected , or CRLF at ${i}`);
  }
}

function fromCsv(column: ExportColumn, cell: CsvCell): ExportValue {
  if (cell.text === '' && !cell.quoted) return null;
  switch (column.type) {
    case 'integer':
    case 'bigint':
    case 'number':
      return Number(cell.text);
    case 'boolean':
      return cell.text === 'true';
    case 'timestamp':
      return new Date(cell.text);
    case 'json':
      return JSON.parse(cell.text) as ExportValue;
    default:
      return cell.text;
  }
}

/** A CSV export file as rows of typed values; throws when the header is not the columns. */
export async function readCsvRows(path: string, columns: readonly ExportColumn[]): Promise<ExportRow[]> {
  const [header, ...records] = parseCsv(await readFile(path, 'utf8'));
  const names = header?.map((cell) => cell.text);
  if (JSON.stringify(names) !== JSON.stringify(columns.map((column) => column.name))) {
    throw new Error(`header ${JSON.stringify(names)}`);
  }
  return records.map((record) =>
    Object.fromEntries(
      columns.map((column, index) => [
        column.name,
        fromCsv(column, record[index] ?? { text: '', quoted: false }),
      ]),
    ),
  );
}

/** A Parquet export file read by hyparquet, with INT64 back to numbers and DATE back to YYYY-MM-DD. */
export async function readParquetRows(path: string, columns: readonly ExportColumn[]): Promise<ExportRow[]> {
  const file = await asyncBufferFromFile(path);
  const rows = (await parquetReadObjects({ file })) as Record<string, unknown>[];
  return rows.map((row) =>
    Object.fromEntries(
      columns.map((column) => {
        const value = row[column.name] ?? null;
        if (typeof value === 'bigint') return [column.name, Number(value)];
        if (column.type === 'date' && value instanceof Date)
          return [column.name, value.toISOString().slice(0, 10)];
        return [column.name, value];
      }),
    ),
  );
}
