import { syncedObjectTypes, type SyncedObjectType, type SyncProgress } from '../../sync/sync-types.ts';

export const typeLabels: Record<SyncedObjectType, string> = {
  companies: 'companies',
  deals: 'deals',
  tickets: 'tickets',
  contacts: 'contacts',
  feedback_submissions: 'feedback',
};

const BAR_WIDTH = 24;

/** 42 → "42s", 75 → "1m 15s", 3720 → "1h 02m". */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  if (whole < 60) return `${whole}s`;
  if (whole < 3600) return `${Math.floor(whole / 60)}m ${String(whole % 60).padStart(2, '0')}s`;
  return `${Math.floor(whole / 3600)}h ${String(Math.floor((whole % 3600) / 60)).padStart(2, '0')}m`;
}

export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** The engine's own ETA when it has one, else elapsed time scaled by what is left of the known totals. */
export function estimateEtaSeconds(progress: SyncProgress, nowMs: number): number | undefined {
  if (progress.etaSeconds !== undefined) return progress.etaSeconds;
  let done = 0;
  let total = 0;
  for (const type of Object.values(progress.types)) {
    if (type.estimatedTotal === undefined || type.estimatedTotal <= 0) continue;
    total += type.estimatedTotal;
    done += Math.min(type.done, type.estimatedTotal);
  }
  const elapsedSeconds = (nowMs - progress.startedAt.getTime()) / 1000;
  if (done === 0 || total === 0 || elapsedSeconds <= 0) return undefined;
  return (elapsedSeconds * (total - done)) / done;
}

function header(progress: SyncProgress, nowMs: number): string {
  const eta = estimateEtaSeconds(progress, nowMs);
  const elapsed = formatDuration((nowMs - progress.startedAt.getTime()) / 1000);
  return [
    `portal ${progress.portalId}`,
    progress.mode,
    progress.phase,
    `${formatCount(progress.apiCalls)} API calls`,
    `${elapsed} elapsed`,
    `ETA ${eta === undefined ? '?' : formatDuration(eta)}`,
  ].join(' · ');
}

function bar(done: number, total: number | undefined): string {
  if (total === undefined || total <= 0) return `[${'·'.repeat(BAR_WIDTH)}]`;
  const filled = Math.min(BAR_WIDTH, Math.round((done / total) * BAR_WIDTH));
  return `[${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}]`;
}

function presentTypes(progress: SyncProgress): SyncedObjectType[] {
  return syncedObjectTypes.filter((type) => progress.types[type] !== undefined);
}

/** The live lines on a terminal: a header, then one bar per object type seen so far. */
export function renderProgressLines(progress: SyncProgress, nowMs: number): string[] {
  const rows = presentTypes(progress).map((type) => {
    const { done, estimatedTotal } = progress.types[type] ?? { done: 0 };
    const count =
      estimatedTotal === undefined
        ? `${formatCount(done)} / ?`
        : `${formatCount(done)} / ${formatCount(estimatedTotal)}  ${Math.min(100, Math.floor((done / Math.max(estimatedTotal, 1)) * 100))}%`;
    return `  ${typeLabels[type].padEnd(10)} ${bar(done, estimatedTotal)} ${count}`;
  });
  return [header(progress, nowMs), ...rows];
}

/** One plain line per update when the output is not a terminal (CI logs, pipes). */
export function renderProgressLine(progress: SyncProgress, nowMs: number): string {
  const types = presentTypes(progress)
    .map((type) => {
      const { done, estimatedTotal } = progress.types[type] ?? { done: 0 };
      return `${typeLabels[type]} ${done}/${estimatedTotal ?? '?'}`;
    })
    .join(', ');
  return `${header(progress, nowMs)}${types === '' ? '' : ` · ${types}`}`;
}
