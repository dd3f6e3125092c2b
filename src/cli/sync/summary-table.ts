import { syncedObjectTypes, type SyncSummary } from '../../sync/sync-types.ts';
import { renderTable } from '../terminal/text-table.ts';
import { formatCount, formatDuration, typeLabels } from './progress-format.ts';

/** One portal's outcome in `harbor sync`: the engine's summary, or why there is none. */
export type PortalOutcome =
  | { portalId: number; kind: 'synced'; summary: SyncSummary }
  | { portalId: number; kind: 'busy' }
  | { portalId: number; kind: 'error'; code: string; message: string };

export function isSuccess(outcome: PortalOutcome): boolean {
  return outcome.kind === 'synced' && outcome.summary.status === 'succeeded';
}

/** The table printed at the end of `harbor sync`: records written (and archived) per type, calls, time. */
export function renderSummaryTable(outcomes: readonly PortalOutcome[]): string {
  const head = [
    'portal',
    'mode',
    'status',
    ...syncedObjectTypes.map((type) => typeLabels[type]),
    'API calls',
    'time',
  ];
  const rows = outcomes.map((outcome) => {
    if (outcome.kind !== 'synced') {
      const status = outcome.kind === 'busy' ? 'busy' : 'failed';
      return [String(outcome.portalId), '-', status, ...syncedObjectTypes.map(() => '-'), '-', '-'];
    }
    const { summary } = outcome;
    return [
      String(summary.portalId),
      summary.mode,
      summary.status,
      ...syncedObjectTypes.map((type) => {
        const counts = summary.counts[type];
        if (counts === undefined) return '-';
        return counts.archived > 0
          ? `${formatCount(counts.written)} (-${formatCount(counts.archived)})`
          : formatCount(counts.written);
      }),
      formatCount(summary.apiCalls),
      formatDuration(summary.seconds),
    ];
  });
  const notes = outcomes.flatMap((outcome) => {
    if (outcome.kind === 'busy')
      return [`portal ${outcome.portalId}: another instance is syncing it; try again later`];
    if (outcome.kind === 'error') return [`portal ${outcome.portalId}: ${outcome.code}: ${outcome.message}`];
    if (outcome.summary.status === 'failed') {
      return [
        `portal ${outcome.portalId}: ${outcome.summary.error ?? 'failed'} (the next run resumes from its checkpoint)`,
      ];
    }
    return [];
  });
  return [renderTable(head, rows), ...(notes.length > 0 ? ['', ...notes] : [])].join('\n');
}
