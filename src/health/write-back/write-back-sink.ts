import type { HealthResult } from '../health-types.ts';
import {
  emptyWriteBackSummary,
  writeBackHealth,
  type WriteBackDeps,
  type WriteBackSummary,
} from './write-back.ts';
import { toWriteBackValues } from './write-back-values.pure.ts';

export interface WriteBackSink {
  /** Writes one page of results (only companies whose values changed reach HubSpot). */
  write(results: readonly HealthResult[], modelVersion: number, computedAt: Date): Promise<void>;
  /** The totals over every page written. */
  finish(): Promise<WriteBackSummary>;
}

/**
 * Write-back for a rescoring run that hands over results a page at a time: the Harbor properties are checked
 * once per run (at the first page with changes), and the summaries add up.
 */
export function createWriteBackSink(deps: WriteBackDeps, portalId: number): WriteBackSink {
  const total = emptyWriteBackSummary();
  let propertiesEnsured = false;
  return {
    async write(results, modelVersion, computedAt) {
      const items = results.map((result) => ({
        companyId: result.companyId,
        values: toWriteBackValues(result, modelVersion, computedAt.getTime()),
      }));
      const page = await writeBackHealth(deps, portalId, items, { propertiesEnsured });
      if (page.changed > 0) propertiesEnsured = true;
      total.considered += page.considered;
      total.changed += page.changed;
      total.written += page.written;
      total.missing += page.missing;
      total.failed += page.failed;
      total.calls += page.calls;
      total.updateCalls += page.updateCalls;
      total.propertiesCreated.push(...page.propertiesCreated);
    },
    finish: () => Promise.resolve({ ...total, propertiesCreated: [...total.propertiesCreated] }),
  };
}
