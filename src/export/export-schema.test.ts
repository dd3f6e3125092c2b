import { readFile } from 'node:fs/promises';

import { describe, expect, it } from 'vitest';

import { exportDatasets } from './export-datasets.ts';
import { schemaMarkdown } from './export-schema.pure.ts';

/** Prettier pads Markdown tables; the cells are what must match. */
function normalise(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) =>
      line.startsWith('|')
        ? line
            .split(/(?<!\\)\|/)
            .map((cell) => cell.trim().replace(/^-{3,}$/, '---'))
            .join('|')
        : line,
    )
    .join('\n');
}

describe('the documented export schema', () => {
  it('when docs/bi-export.md is read, then its schema section is exactly what the code exports', async () => {
    const doc = await readFile(new URL('../../docs/bi-export.md', import.meta.url), 'utf8');
    expect(normalise(doc)).toContain(normalise(schemaMarkdown(exportDatasets)));
  });

  it('when the datasets are listed, then every one has portal_id first and no column twice', () => {
    for (const dataset of exportDatasets) {
      const names = dataset.columns.map((column) => column.name);
      expect(names[0], dataset.name).toBe('portal_id');
      expect(new Set(names).size, dataset.name).toBe(names.length);
      for (const column of dataset.columns) expect(column.meaning.length, column.name).toBeGreaterThan(5);
    }
  });
});
