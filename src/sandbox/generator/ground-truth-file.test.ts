import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { generatePortal } from './generate-portal.ts';
import { writeGroundTruth } from './ground-truth-file.ts';

const folders: string[] = [];

afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

describe('writeGroundTruth', () => {
  it('when the folder does not exist, then it is created and each row is one JSON line', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'harbor-truth-'));
    folders.push(folder);
    const { truth } = generatePortal({ companies: 25, seed: 3, now: Date.UTC(2026, 0, 15) });
    const path = join(folder, 'nested', 'truth.jsonl');

    await writeGroundTruth(path, truth);

    const lines = (await readFile(path, 'utf8')).split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1).map((line) => JSON.parse(line) as unknown)).toEqual(truth);
  });

  it('when there are no rows, then the file is empty', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'harbor-truth-'));
    folders.push(folder);
    const path = join(folder, 'empty.jsonl');

    await writeGroundTruth(path, []);

    expect(await readFile(path, 'utf8')).toBe('');
  });
});
