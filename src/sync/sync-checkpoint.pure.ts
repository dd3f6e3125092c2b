import { z } from 'zod';

import type { SyncedObjectType, SyncMode } from './sync-types.ts';

/**
 * How far back an incremental window reaches before the last change it saw. HubSpot's search index lags
 * writes by "a few moments" and clocks drift; re-reading a minute of changes is cheap (upserts are
 * idempotent and never let older data win), missing one is not.
 */
export const incrementalOverlapMs = 60_000;

/** Association reads (1,000 ids each) an incremental sync may spend per type re-checking unchanged records. */
export const sweepCallsPerType = 2;
export const associationBatchSize = 1_000;

const counters = {
  done: z.number().int().nonnegative().default(0),
  written: z.number().int().nonnegative().default(0),
  archived: z.number().int().nonnegative().default(0),
};

/** A full listing in progress: the `after` cursor of the next page, and when the pass began. */
export const fullCheckpointSchema = z.object({
  kind: z.literal('full'),
  passStartedMs: z.number(),
  after: z.string().optional(),
  estimatedTotal: z.number().int().nonnegative().optional(),
  propertiesKey: z.string(),
  ...counters,
});

/** An id range of the association sweep: after `after` (exclusive) up to `upTo` (inclusive); open ends are unbounded. */
export const idRangeSchema = z.object({ after: z.string().optional(), upTo: z.string().optional() });

export const incrementalCheckpointSchema = z.object({
  kind: z.literal('incremental'),
  passStartedMs: z.number(),
  step: z.enum(['changes', 'deletions', 'links']),
  /** Where the modified-since walk resumes (the window start on the first page). */
  resumeFromMs: z.number(),
  /** The newest HubSpot modification time applied so far: the next window starts here, minus the overlap. */
  maxModifiedMs: z.number(),
  deletions: z
    .object({ excess: z.number().int(), after: z.string().optional(), found: z.number().int().default(0) })
    .optional(),
  /** HubSpot counts more live records than we hold: the listing walk that finds and fetches them. */
  missing: z
    .object({ count: z.number().int(), after: z.string().optional(), found: z.number().int().default(0) })
    .optional(),
  links: z
    .object({
      sweep: z.array(idRangeSchema),
      nextSweepCursor: z.string().optional(),
      afterId: z.string().optional(),
    })
    .optional(),
  propertiesKey: z.string(),
  sweepCursor: z.string().optional(),
  ...counters,
});

/** Between passes: what the last completed pass read, and where the association sweep goes on. */
export const idleCheckpointSchema = z.object({
  kind: z.literal('idle'),
  propertiesKey: z.string(),
  sweepCursor: z.string().optional(),
});

export const checkpointSchema = z.discriminatedUnion('kind', [
  fullCheckpointSchema,
  incrementalCheckpointSchema,
  idleCheckpointSchema,
]);

export type FullCheckpoint = z.infer<typeof fullCheckpointSchema>;
export type IncrementalCheckpoint = z.infer<typeof incrementalCheckpointSchema>;
export type IdleCheckpoint = z.infer<typeof idleCheckpointSchema>;
export type Checkpoint = z.infer<typeof checkpointSchema>;
export type IdRange = z.infer<typeof idRangeSchema>;

export interface TypeState {
  checkpoint: Checkpoint;
  /** The incremental high-water mark: HubSpot modification time up to which everything is applied. */
  lastModifiedMs: number | undefined;
}

/** A stored checkpoint we cannot read (older format, hand-edited) is treated as no checkpoint: a full pass. */
export function parseCheckpoint(raw: unknown): Checkpoint | undefined {
  const result = checkpointSchema.safeParse(raw);
  return result.success ? result.data : undefined;
}

export type TypePlan = 'fresh-full' | 'resume-full' | 'fresh-incremental' | 'resume-incremental' | 'skip';

/**
 * What each type does in this run. A full or reconcile run starts a new full pass for every type unless an
 * earlier full run was interrupted, in which case it finishes that one (types already done are skipped). An
 * incremental run finishes any interrupted pass first; a type never fully read, or whose property list
 * changed, gets a full pass instead of an incremental one.
 */
export function planRun(
  mode: SyncMode,
  states: Partial<Record<SyncedObjectType, TypeState>>,
  keys: Record<SyncedObjectType, string>,
  types: readonly SyncedObjectType[],
): Record<SyncedObjectType, TypePlan> {
  const plans = {} as Record<SyncedObjectType, TypePlan>;
  const isFullInProgress = types.some((type) => states[type]?.checkpoint.kind === 'full');
  for (const type of types) {
    const state = states[type];
    const kind = state?.checkpoint.kind;
    if (kind === 'full') plans[type] = 'resume-full';
    else if (kind === 'incremental') plans[type] = 'resume-incremental';
    else if (mode !== 'incremental') plans[type] = isFullInProgress ? 'skip' : 'fresh-full';
    else if (state?.lastModifiedMs === undefined) plans[type] = 'fresh-full';
    else if (state.checkpoint.propertiesKey !== keys[type]) plans[type] = 'fresh-full';
    else plans[type] = 'fresh-incremental';
  }
  return plans;
}

export function newFullCheckpoint(
  nowMs: number,
  propertiesKey: string,
  estimatedTotal: number | undefined,
): FullCheckpoint {
  return {
    kind: 'full',
    passStartedMs: nowMs,
    propertiesKey,
    done: 0,
    written: 0,
    archived: 0,
    ...(estimatedTotal === undefined ? {} : { estimatedTotal }),
  };
}

/** Where an incremental window starts: the last change applied, minus the overlap. */
export function incrementalSinceMs(lastModifiedMs: number): number {
  return Math.max(0, lastModifiedMs - incrementalOverlapMs);
}

export function newIncrementalCheckpoint(
  nowMs: number,
  lastModifiedMs: number,
  idle: IdleCheckpoint,
): IncrementalCheckpoint {
  return {
    kind: 'incremental',
    passStartedMs: nowMs,
    step: 'changes',
    resumeFromMs: incrementalSinceMs(lastModifiedMs),
    maxModifiedMs: lastModifiedMs,
    propertiesKey: idle.propertiesKey,
    ...(idle.sweepCursor === undefined ? {} : { sweepCursor: idle.sweepCursor }),
    done: 0,
    written: 0,
    archived: 0,
  };
}

/**
 * Records we hold live beyond HubSpot's live count: deletions the modified-since search cannot show (archived
 * records never appear in search). Zero means nothing to look for.
 */
export function excessLiveRecords(storedLive: number, hubspotTotal: number): number {
  return Math.max(0, storedLive - hubspotTotal);
}

/**
 * Records HubSpot holds live beyond our live count: ones the modified-since search never showed (created or
 * imported with a modification time behind the high-water mark, restored, or lost from the store). Zero means
 * nothing to look for.
 */
export function missingLiveRecords(storedLive: number, hubspotTotal: number): number {
  return Math.max(0, hubspotTotal - storedLive);
}

/** How many unchanged records the association sweep re-checks, filling the sweep's calls after the changed ones. */
export function sweepSize(candidates: number, calls = sweepCallsPerType): number {
  return Math.max(0, calls * associationBatchSize - candidates);
}

/**
 * The sweep's window over ids sorted ascending. `head` holds the ids after the cursor (at most `size`);
 * `wrapped` the ids from the start up to the cursor, fetched only when the head ran short (at most
 * `size - head.length`). Returns the id ranges to re-check and the cursor the next sweep starts from.
 */
export function sweepWindow(
  cursor: string | undefined,
  head: readonly string[],
  wrapped: readonly string[],
  size: number,
): { ranges: IdRange[]; nextCursor: string | undefined } {
  if (size <= 0) return { ranges: [], nextCursor: cursor };
  const headLast = head.at(-1);
  if (head.length >= size && headLast !== undefined) {
    return {
      ranges: [{ ...(cursor === undefined ? {} : { after: cursor }), upTo: headLast }],
      nextCursor: headLast,
    };
  }
  // The head ran out: every id fits in this sweep when the wrapped part also came back short.
  if (cursor === undefined || head.length + wrapped.length < size)
    return { ranges: [{}], nextCursor: undefined };
  const wrappedLast = wrapped.at(-1);
  if (wrappedLast === undefined) return { ranges: [{ after: cursor }], nextCursor: undefined };
  return { ranges: [{ after: cursor }, { upTo: wrappedLast }], nextCursor: wrappedLast };
}

/** How stale owners and pipelines may be before a run re-reads them (they change rarely; 3 calls each time). */
export const metadataMaxAgeMs: Record<SyncMode, number> = {
  full: 10 * 60_000,
  reconcile: 10 * 60_000,
  incremental: 60 * 60_000,
};

export function isMetadataDue(mode: SyncMode, refreshedMs: number | undefined, nowMs: number): boolean {
  return refreshedMs === undefined || nowMs - refreshedMs >= metadataMaxAgeMs[mode];
}

/**
 * Below this many companies a portal is small enough that a search per type for progress estimates would
 * be a noticeable share of the full sync's calls; such portals sync in seconds and go without.
 */
export const estimateAllTypesFromCompanies = 1_000;
