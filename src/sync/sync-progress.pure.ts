import { isAppError } from '../shared/errors/app-error.ts';
import { HubSpotRateLimitedError } from '../hubspot/hubspot-errors.ts';
import type { SyncedObjectType, TypeProgress } from './sync-types.ts';

/** Progress goes to the log every this many pages (the CLI and sync_runs get every page). */
export const logEveryPages = 20;
/** sync_runs is written at most this often while a run goes on (phase changes and the end always). */
export const persistIntervalMs = 1_000;

/**
 * Seconds left, from this run's pace so far (records per ms) and the work known to remain: each type's
 * estimate minus what is done. Undefined until there is a pace to go by or anything known to remain.
 */
export function estimateEtaSeconds(
  types: Partial<Record<SyncedObjectType, TypeProgress>>,
  processedThisRun: number,
  elapsedMs: number,
): number | undefined {
  let remaining = 0;
  for (const progress of Object.values(types)) {
    if (progress.estimatedTotal !== undefined) {
      remaining += Math.max(0, progress.estimatedTotal - progress.done);
    }
  }
  if (remaining === 0) return processedThisRun > 0 ? 0 : undefined;
  if (processedThisRun <= 0 || elapsedMs <= 0) return undefined;
  return Math.ceil((remaining * elapsedMs) / processedThisRun / 1_000);
}

export function shouldLogPage(pagesThisRun: number): boolean {
  return pagesThisRun > 0 && pagesThisRun % logEveryPages === 0;
}

export function shouldPersistProgress(lastPersistedMs: number | undefined, nowMs: number): boolean {
  return lastPersistedMs === undefined || nowMs - lastPersistedMs >= persistIntervalMs;
}

/** Thrown between pages when the caller's AbortSignal fired; the checkpoint of the last page stands. */
export class SyncAbortedError extends Error {
  override readonly name = 'SyncAbortedError';
  constructor() {
    super('aborted');
  }
}

/**
 * The message sync_runs and the summary carry: safe to show (AppError messages never hold tokens), with the
 * two cases an operator must act on spelled out. Anything unexpected gets a generic line; the log has the rest.
 */
export function describeSyncFailure(error: unknown): string {
  if (error instanceof SyncAbortedError) return 'aborted';
  if (error instanceof HubSpotRateLimitedError && error.isDaily) {
    return "HubSpot's daily API limit for this portal is used up; the sync resumes from its checkpoint once the limit resets (midnight in the account's time zone)";
  }
  if (isAppError(error)) return `${error.code}: ${error.message}`;
  return 'unexpected error; see the service log (the checkpoint is kept and the next run resumes)';
}
