import type { SyncProgress } from '../../sync/sync-types.ts';
import type { StatusArea } from '../terminal/status-area.ts';
import { renderProgressLine, renderProgressLines } from './progress-format.ts';

export interface SyncProgressView {
  update(progress: SyncProgress): void;
  /** Shows the last state for good (the final bar, or the final plain line). */
  finish(): void;
}

/** Redraws at most every 100 ms on a terminal; elsewhere one line a second, plus every phase change. */
export function createSyncProgressView(area: StatusArea, now: () => number): SyncProgressView {
  const interval = area.isInteractive ? 100 : 1_000;
  let latest: SyncProgress | undefined;
  let isLatestShown = false;
  let shownAt = Number.NEGATIVE_INFINITY;
  let phase: string | undefined;

  const show = (progress: SyncProgress, at: number): void => {
    if (area.isInteractive) area.draw(renderProgressLines(progress, at));
    else area.print(renderProgressLine(progress, at));
    shownAt = at;
    isLatestShown = true;
  };

  return {
    update(progress) {
      const at = now();
      latest = progress;
      isLatestShown = false;
      if (at - shownAt >= interval || progress.phase !== phase) show(progress, at);
      phase = progress.phase;
    },
    finish() {
      if (latest !== undefined && !isLatestShown) show(latest, now());
      area.commit();
      latest = undefined;
      phase = undefined;
      shownAt = Number.NEGATIVE_INFINITY;
    },
  };
}
