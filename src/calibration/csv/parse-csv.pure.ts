export type CsvDelimiter = ',' | ';' | '\t';

export interface ParsedCsv {
  /** Every record, the header first; empty lines are dropped. */
  rows: string[][];
  /** The 1-based line each row starts on (quoted newlines make rows span lines). */
  lines: number[];
  delimiter: CsvDelimiter;
  /** Lines of rows whose field count differs from the first row's. */
  raggedLines: number[];
  /** Where a quote opened that never closed (the rest of the file became one field), else null. */
  unclosedQuoteLine: number | null;
}

const quote = 0x22;
const newline = 0x0a;
const carriageReturn = 0x0d;

/**
 * RFC 4180 CSV: quoted fields with "" escapes and embedded delimiters or newlines, CRLF or LF (or a lone CR),
 * an optional UTF-8 BOM. Lenient where spreadsheets are sloppy: text after a closing quote is kept, a quote
 * inside an unquoted field is literal, and rows of the wrong length are reported rather than rejected.
 * Without `delimiter`, the most frequent of , ; and tab in the first line wins (so European exports work).
 */
export function parseCsv(text: string, options: { delimiter?: CsvDelimiter } = {}): ParsedCsv {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const delimiter = options.delimiter ?? detectDelimiter(source);
  const separator = delimiter.charCodeAt(0);
  const rows: string[][] = [];
  const lines: number[] = [];
  let unclosedQuoteLine: number | null = null;
  let line = 1;
  let fields: string[] = [];
  let rowLine = 1;
  let i = 0;
  const length = source.length;

  const endRow = (): void => {
    // A line with nothing on it is not a record (a trailing newline, blank lines between blocks).
    if (!(fields.length === 1 && fields[0] === '')) {
      rows.push(fields);
      lines.push(rowLine);
    }
    fields = [];
  };
  const skipNewline = (): void => {
    if (source.charCodeAt(i) === carriageReturn && source.charCodeAt(i + 1) === newline) i += 2;
    else i += 1;
    line += 1;
  };

  while (i < length) {
    if (fields.length === 0) rowLine = line;
    let field: string;
    if (source.charCodeAt(i) === quote) {
      const startLine = line;
      const parts: string[] = [];
      let chunkStart = i + 1;
      let closed = false;
      i += 1;
      while (i < length) {
        const code = source.charCodeAt(i);
        if (code === quote) {
          parts.push(source.slice(chunkStart, i));
          if (source.charCodeAt(i + 1) === quote) {
            parts.push('"');
            i += 2;
            chunkStart = i;
            continue;
          }
          i += 1;
          closed = true;
          break;
        }
        if (code === newline || (code === carriageReturn && source.charCodeAt(i + 1) !== newline)) line += 1;
        i += 1;
      }
      if (!closed) {
        parts.push(source.slice(chunkStart, length));
        unclosedQuoteLine ??= startLine;
      }
      const trailingStart = i;
      while (i < length) {
        const code = source.charCodeAt(i);
        if (code === separator || code === newline || code === carriageReturn) break;
        i += 1;
      }
      field = parts.join('') + source.slice(trailingStart, i);
    } else {
      const start = i;
      while (i < length) {
        const code = source.charCodeAt(i);
        if (code === separator || code === newline || code === carriageReturn) break;
        i += 1;
      }
      field = source.slice(start, i);
    }
    fields.push(field);
    if (i >= length) break;
    const code = source.charCodeAt(i);
    if (code === separator) {
      i += 1;
      // A delimiter at the very end of the text still ends with an empty last field.
      if (i >= length) fields.push('');
    } else {
      skipNewline();
      endRow();
    }
  }
  if (fields.length > 0) endRow();

  const width = rows[0]?.length ?? 0;
  const raggedLines: number[] = [];
  rows.forEach((row, index) => {
    if (row.length !== width) raggedLines.push(lines[index] ?? 0);
  });
  return { rows, lines, delimiter, raggedLines, unclosedQuoteLine };
}

function detectDelimiter(source: string): CsvDelimiter {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  for (const char of source) {
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (char === '\n' || char === '\r')) break;
    else if (!inQuotes && (char === ',' || char === ';' || char === '\t')) counts[char] += 1;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[',']) return '\t';
  return ',';
}
