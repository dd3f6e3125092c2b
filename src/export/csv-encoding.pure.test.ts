import { describe, expect, it } from 'vitest';

import { csvField, csvHeader, csvRecords, csvText } from './csv-encoding.pure.ts';
import type { ExportColumn } from './export-columns.ts';

const columns: ExportColumn[] = [
  { name: 'id', type: 'bigint', meaning: '' },
  { name: 'name', type: 'text', meaning: '' },
  { name: 'at', type: 'timestamp', meaning: '' },
  { name: 'ok', type: 'boolean', meaning: '' },
  { name: 'facts', type: 'json', meaning: '' },
];

describe('CSV encoding (RFC 4180)', () => {
  it('when a field holds a comma, a quote, CR or LF, then it is quoted with quotes doubled', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
  });

  it('when a value is null, then the field is empty, and empty text is "" so a reader can tell them apart', () => {
    expect(csvField(null)).toBe('');
    expect(csvField('')).toBe('""');
  });

  it('when values are typed, then timestamps are ISO 8601 UTC, booleans true/false and JSON is JSON text', () => {
    expect(csvText(columns[2]!, new Date(Date.UTC(2026, 11, 1, 6)))).toBe('2026-12-01T06:00:00.000Z');
    expect(csvText(columns[3]!, false)).toBe('false');
    expect(csvText(columns[4]!, [{ key: 'a', value: 1 }])).toBe('[{"key":"a","value":1}]');
    expect(csvText(columns[0]!, 7_100_001)).toBe('7100001');
  });

  it('when rows are written, then the header comes first and every record ends with CRLF', () => {
    const text =
      csvHeader(columns) +
      csvRecords(columns, [
        { id: 1, name: 'Acme, Inc.', at: new Date(0), ok: true, facts: { n: 2 } },
        { id: 2, name: null, at: null, ok: null, facts: null },
      ]);
    expect(text).toBe(
      'id,name,at,ok,facts\r\n' +
        '1,"Acme, Inc.",1970-01-01T00:00:00.000Z,true,"{""n"":2}"\r\n' +
        '2,,,,\r\n',
    );
  });
});
