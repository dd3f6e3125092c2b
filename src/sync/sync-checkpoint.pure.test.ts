import { describe, expect, it } from 'vitest';

import {
  excessLiveRecords,
  missingLiveRecords,
  incrementalOverlapMs,
  incrementalSinceMs,
  isMetadataDue,
  newFullCheckpoint,
  newIncrementalCheckpoint,
  parseCheckpoint,
  planRun,
  sweepSize,
  sweepWindow,
  type Checkpoint,
  type TypeState,
} from './sync-checkpoint.pure.ts';
import type { SyncedObjectType, SyncMode } from './sync-types.ts';

const types = ['companies', 'deals'] as const satisfies readonly SyncedObjectType[];
const keys = { companies: 'k1', deals: 'k2', tickets: 'k3', contacts: 'k4', feedback_submissions: 'k5' };

const idle = (propertiesKey: string, lastModifiedMs: number | undefined = 1_000): TypeState => ({
  checkpoint: { kind: 'idle', propertiesKey },
  lastModifiedMs,
});
const full: TypeState = { checkpoint: newFullCheckpoint(5_000, 'k1', undefined), lastModifiedMs: undefined };
const incremental: TypeState = {
  checkpoint: newIncrementalCheckpoint(5_000, 1_000, { kind: 'idle', propertiesKey: 'k2' }),
  lastModifiedMs: 1_000,
};

describe('run planning', () => {
  it.each<[string, SyncMode, Partial<Record<SyncedObjectType, TypeState>>, Record<string, string>]>([
    ['a first full sync', 'full', {}, { companies: 'fresh-full', deals: 'fresh-full' }],
    ['a first incremental sync', 'incremental', {}, { companies: 'fresh-full', deals: 'fresh-full' }],
    [
      'an incremental sync after a full one',
      'incremental',
      { companies: idle('k1'), deals: idle('k2') },
      { companies: 'fresh-incremental', deals: 'fresh-incremental' },
    ],
    [
      'an incremental sync after an admin mapped a property',
      'incremental',
      { companies: idle('changed'), deals: idle('k2') },
      { companies: 'fresh-full', deals: 'fresh-incremental' },
    ],
    [
      'a full sync over a synced store',
      'reconcile',
      { companies: idle('k1'), deals: idle('k2') },
      { companies: 'fresh-full', deals: 'fresh-full' },
    ],
    [
      'a full sync after one that died in deals',
      'full',
      { companies: idle('k1'), deals: { ...full, checkpoint: { ...full.checkpoint, propertiesKey: 'k2' } } },
      { companies: 'skip', deals: 'resume-full' },
    ],
    [
      'an incremental sync after a full one that died',
      'incremental',
      { companies: full, deals: idle('k2') },
      { companies: 'resume-full', deals: 'fresh-incremental' },
    ],
    [
      'any sync after an incremental one that died',
      'full',
      { companies: idle('k1'), deals: incremental },
      { companies: 'fresh-full', deals: 'resume-incremental' },
    ],
  ])('when planning %s, then each type knows what to do', (_case, mode, states, expected) => {
    expect(planRun(mode, states, keys, types)).toEqual(expected);
  });
});

describe('incremental windows and deletions', () => {
  it.each([
    [10 * 60_000, 10 * 60_000 - incrementalOverlapMs],
    [30_000, 0],
  ])('when the last change applied was at %i, then the window starts at %i', (lastModifiedMs, expected) => {
    expect(incrementalSinceMs(lastModifiedMs)).toBe(expected);
  });

  it('when an incremental pass starts, then it resumes nothing and remembers the sweep cursor', () => {
    const checkpoint = newIncrementalCheckpoint(9_000, 120_000, {
      kind: 'idle',
      propertiesKey: 'k',
      sweepCursor: '55',
    });

    expect(checkpoint).toMatchObject({
      step: 'changes',
      resumeFromMs: 60_000,
      maxModifiedMs: 120_000,
      passStartedMs: 9_000,
      sweepCursor: '55',
    });
  });

  it.each([
    [100, 100, 0],
    [100, 97, 3],
    [90, 100, 0],
  ])(
    'when we hold %i live and HubSpot counts %i, then %i deletions are looked for',
    (stored, total, expected) => {
      expect(excessLiveRecords(stored, total)).toBe(expected);
    },
  );

  it.each([
    [100, 100, 0],
    [97, 100, 3],
    [100, 90, 0],
  ])(
    'when we hold %i live and HubSpot counts %i, then %i missing records are looked for',
    (stored, total, expected) => {
      expect(missingLiveRecords(stored, total)).toBe(expected);
    },
  );
});

describe('association sweep', () => {
  it.each([
    [0, 2_000],
    [150, 1_850],
    [2_000, 0],
    [5_000, 0],
  ])('when %i records are due anyway, then the sweep re-checks %i more', (due, expected) => {
    expect(sweepSize(due)).toBe(expected);
  });

  it.each([
    ['nothing to sweep', '5', ['6'], [], 0, [], '5'],
    ['a first sweep of a big table', undefined, ['1', '2', '3'], [], 3, [{ upTo: '3' }], '3'],
    ['a sweep in the middle', '3', ['4', '5'], [], 2, [{ after: '3', upTo: '5' }], '5'],
    ['a sweep that wraps around', '8', ['9'], ['1', '2'], 3, [{ after: '8' }, { upTo: '2' }], '2'],
    ['a table smaller than the sweep', '8', ['9'], ['1', '2'], 5, [{}], undefined],
    ['a first sweep of a small table', undefined, ['1', '2'], [], 5, [{}], undefined],
  ] as const)(
    'when planning %s, then the ranges and next cursor follow',
    (_case, cursor, head, wrapped, size, ranges, next) => {
      expect(sweepWindow(cursor, head, wrapped, size)).toEqual({ ranges, nextCursor: next });
    },
  );
});

describe('checkpoints and metadata', () => {
  it.each<[string, unknown, Checkpoint['kind'] | undefined]>([
    ['a full checkpoint', { kind: 'full', passStartedMs: 1, propertiesKey: 'k', after: '100' }, 'full'],
    ['an idle one', { kind: 'idle', propertiesKey: 'k' }, 'idle'],
    ['an unknown kind', { kind: 'other' }, undefined],
    ['an empty object', {}, undefined],
  ])('when the stored checkpoint is %s, then it reads as %s', (_case, raw, kind) => {
    expect(parseCheckpoint(raw)?.kind).toBe(kind);
  });

  it.each<[SyncMode, number | undefined, boolean]>([
    ['incremental', undefined, true],
    ['incremental', 30 * 60_000, false],
    ['incremental', 61 * 60_000, true],
    ['full', 5 * 60_000, false],
    ['reconcile', 11 * 60_000, true],
  ])('when a %s run finds owners read %s ms ago, then re-reading them is %s', (mode, age, expected) => {
    const nowMs = 100 * 60_000;
    expect(isMetadataDue(mode, age === undefined ? undefined : nowMs - age, nowMs)).toBe(expected);
  });
});
