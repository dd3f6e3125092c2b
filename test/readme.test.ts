import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { renderConfigTable } from '../src/config/config-table.ts';

/** Cell contents row by row, so Prettier's column padding does not matter. */
function cells(table: string): string[][] {
  return table.split('\n').map((row) =>
    row
      .split(/(?<!\\)\|/)
      .slice(1, -1)
      .map((cell) => cell.trim().replace(/^-+$/, '---')),
  );
}

const readme = await readFile(join(import.meta.dirname, '..', 'README.md'), 'utf8');

describe('README', () => {
  it('when the config schema changes, then the README configuration table must be regenerated', () => {
    const match = /<!-- config-table:start -->\n([\s\S]*?)\n<!-- config-table:end -->/.exec(readme);
    expect(cells(match?.[1]?.trim() ?? '')).toEqual(cells(renderConfigTable()));
  });

  it('when a newcomer reads it, then it names the front-door command pairs (start, test, demo)', () => {
    expect(readme).toMatch(/npm install\nnpm start/);
    expect(readme).toMatch(/npm install\nnpm test/);
    expect(readme).toMatch(/npm install\nnpm run demo/);
  });
});
