import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

import type { GroundTruthRow } from './generate-portal.ts';

/** Writes the hidden truth as JSON Lines (one row per line), creating the folder; only evaluations read it. */
export async function writeGroundTruth(path: string, rows: readonly GroundTruthRow[]): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const lines = rows.map((row) => JSON.stringify(row));
  await writeFile(path, lines.length === 0 ? '' : `${lines.join('\n')}\n`, 'utf8');
}
