import { columnTypeMeanings, exportColumnTypes, type ExportColumn } from './export-columns.ts';
import type { ExportFormat } from './sinks/dataset-sink.ts';

/** What schema.json and docs/bi-export.md describe of a dataset. */
export interface DatasetDescription {
  name: string;
  description: string;
  source: string;
  columns: readonly ExportColumn[];
}

export interface SchemaDocument {
  harborExport: 1;
  format: ExportFormat;
  exportedAt: string;
  portals: number[];
  types: Record<string, string>;
  datasets: {
    name: string;
    file: string;
    description: string;
    source: string;
    rows: number;
    columns: { name: string; type: string; meaning: string }[];
  }[];
}

/** schema.json: every dataset's file, row count and columns (name, type, meaning), and what each type means. */
export function schemaDocument(input: {
  format: ExportFormat;
  exportedAt: Date;
  portals: readonly number[];
  datasets: readonly (DatasetDescription & { rows: number })[];
}): SchemaDocument {
  return {
    harborExport: 1,
    format: input.format,
    exportedAt: input.exportedAt.toISOString(),
    portals: [...input.portals],
    types: Object.fromEntries(exportColumnTypes.map((type) => [type, columnTypeMeanings[type]])),
    datasets: input.datasets.map((dataset) => ({
      name: dataset.name,
      file: `${dataset.name}.${input.format}`,
      description: dataset.description,
      source: dataset.source,
      rows: dataset.rows,
      columns: dataset.columns.map(({ name, type, meaning }) => ({ name, type, meaning })),
    })),
  };
}

const cell = (text: string): string => text.replaceAll('|', '\\|');

/** The schema as Markdown: the section of docs/bi-export.md that a test keeps equal to the code. */
export function schemaMarkdown(datasets: readonly DatasetDescription[]): string {
  const parts = datasets.map((dataset) =>
    [
      `### ${dataset.name}`,
      '',
      `${dataset.description} Source: ${dataset.source}.`,
      '',
      '| column | type | meaning |',
      '| --- | --- | --- |',
      ...dataset.columns.map((column) => `| ${column.name} | ${column.type} | ${cell(column.meaning)} |`),
    ].join('\n'),
  );
  const types = [
    '| type | meaning |',
    '| --- | --- |',
    ...exportColumnTypes.map((type) => `| ${type} | ${cell(columnTypeMeanings[type])} |`),
  ].join('\n');
  return `${types}\n\n${parts.join('\n\n')}\n`;
}
