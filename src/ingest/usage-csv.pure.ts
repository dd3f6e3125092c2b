import { featurePrefix } from './usage-rows.pure.ts';

/**
 * Usage as CSV, one row per company and day: `company_id` or `domain`, `date`, then one column per metric
 * (`activeUsers`, `seats`, …) and per feature (`feature:<key>`). An empty cell is not sent; a cell that is not
 * a number is sent as text, so the row check reports it like the API does.
 */
/** The fields of one CSV line (RFC 4180 quoting; a quoted field may not span lines). */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line.charAt(i);
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else field += char;
  }
  fields.push(field);
  return fields.map((value) => value.trim());
}

/** The header's problem, if any: it must name the company and the day. */
export function checkCsvHeader(columns: readonly string[]): string | undefined {
  if (!columns.includes('date')) return 'the header has no "date" column';
  if (!columns.includes('company_id') && !columns.includes('domain'))
    return 'the header needs a "company_id" or a "domain" column';
  return undefined;
}

/** One CSV line as an API row. */
export function csvRow(columns: readonly string[], fields: readonly string[]): Record<string, unknown> {
  const metrics: Record<string, unknown> = {};
  const features: Record<string, unknown> = {};
  let id = '';
  let domain = '';
  let date = '';
  columns.forEach((column, index) => {
    const cell = fields[index] ?? '';
    if (column === 'company_id') id = cell;
    else if (column === 'domain') domain = cell;
    else if (column === 'date') date = cell;
    else if (cell !== '') {
      const value = /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell;
      if (column.startsWith(featurePrefix)) features[column.slice(featurePrefix.length)] = value;
      else metrics[column] = value;
    }
  });
  return {
    company: id !== '' ? { id } : { domain },
    date,
    ...(Object.keys(metrics).length > 0 ? { metrics } : {}),
    ...(Object.keys(features).length > 0 ? { features } : {}),
  };
}
