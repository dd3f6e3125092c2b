/** Columns padded to their widest cell, two spaces apart, no trailing blanks. */
export function renderTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = head.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const format = (row: readonly string[]): string =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [format(head), ...rows.map(format)].join('\n');
}

/** A number for a table cell: fixed decimals, or a dash when unknown. */
export function cell(value: number | null | undefined, decimals = 0): string {
  return value === null || value === undefined || Number.isNaN(value) ? '-' : value.toFixed(decimals);
}
