import { describe, expect, it } from 'vitest';

import { parseCsv } from './parse-csv.pure.ts';

describe('parseCsv', () => {
  it('reads plain rows with LF or CRLF line ends, with or without a final newline', () => {
    const expected = [
      ['a', 'b'],
      ['1', '2'],
    ];
    expect(parseCsv('a,b\n1,2\n').rows).toEqual(expected);
    expect(parseCsv('a,b\r\n1,2\r\n').rows).toEqual(expected);
    expect(parseCsv('a,b\r\n1,2').rows).toEqual(expected);
  });

  it('reads quoted fields with delimiters, escaped quotes and newlines inside', () => {
    const { rows, lines } = parseCsv('name,note\n"Acme, Inc.","said ""hi""\nthen left"\nBeta,""\n');
    expect(rows).toEqual([
      ['name', 'note'],
      ['Acme, Inc.', 'said "hi"\nthen left'],
      ['Beta', ''],
    ]);
    expect(lines).toEqual([1, 2, 4]);
  });

  it('drops a UTF-8 BOM and blank lines', () => {
    expect(parseCsv('\uFEFFid,x\n\n1,2\n\n').rows).toEqual([
      ['id', 'x'],
      ['1', '2'],
    ]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(parseCsv('a,b,c\n1,,\n').rows).toEqual([
      ['a', 'b', 'c'],
      ['1', '', ''],
    ]);
    expect(parseCsv('a,b\n1,').rows[1]).toEqual(['1', '']);
  });

  it('reports rows of the wrong length instead of failing', () => {
    const parsed = parseCsv('a,b\n1,2\n3\n4,5,6\n');
    expect(parsed.rows).toHaveLength(4);
    expect(parsed.raggedLines).toEqual([3, 4]);
  });

  it('reports a quote that never closes and keeps the rest as one field', () => {
    const parsed = parseCsv('a,b\n1,"oops\n2,3\n');
    expect(parsed.unclosedQuoteLine).toBe(2);
    expect(parsed.rows[1]).toEqual(['1', 'oops\n2,3\n']);
  });

  it('is lenient with stray quotes inside unquoted fields and text after a closing quote', () => {
    expect(parseCsv('a,b\n5" screen,"x"y\n').rows[1]).toEqual(['5" screen', 'xy']);
  });

  it('detects semicolon and tab separated files from the header', () => {
    expect(parseCsv('a;b\n1,5;2\n').rows).toEqual([
      ['a', 'b'],
      ['1,5', '2'],
    ]);
    expect(parseCsv('a\tb\n1\t2\n').delimiter).toBe('\t');
    expect(parseCsv('"x;y",b\n1,2\n').delimiter).toBe(',');
  });

  it('returns no rows for empty text', () => {
    expect(parseCsv('').rows).toEqual([]);
    expect(parseCsv('\n\n').rows).toEqual([]);
  });
});
