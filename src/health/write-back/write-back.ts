import type { Kysely } from 'kysely';

import { batchSize, type UpdateInput } from '../../hubspot/crm-batch.ts';
import type { BatchItemError, BatchResult, CrmRecord } from '../../hubspot/gateway-types.ts';
import { HubSpotError } from '../../hubspot/hubspot-errors.ts';
import type { HubSpotGateway } from '../../hubspot/hubspot-gateway.ts';
import type { PortalGateway } from '../../hubspot/portal-gateway.ts';
import type { Logger } from '../../shared/logger.ts';
import type { Database } from '../../store/database-schema.ts';
import {
  loadWrittenValues,
  saveWrittenValues,
} from '../../store/repositories/health-writeback-repository.ts';
import { ensureHarborProperties } from './ensure-harbor-properties.ts';
import type { HarborPropertyName } from './harbor-company-properties.ts';
import { changedValues, withoutNonFinite, type HarborPropertyValues } from './write-back-values.pure.ts';

export interface WriteBackDeps {
  db: Kysely<Database>;
  /** The process-wide gateway (one rate limiter per portal, shared with sync). */
  gateway: HubSpotGateway;
  logger: Logger;
  now?: () => Date;
}

export interface WriteBackItem {
  companyId: string;
  /** From toWriteBackValues. */
  values: HarborPropertyValues;
}

export function emptyWriteBackSummary(): WriteBackSummary {
  return {
    considered: 0,
    changed: 0,
    written: 0,
    missing: 0,
    failed: 0,
    calls: 0,
    updateCalls: 0,
    propertiesCreated: [],
  };
}

export interface WriteBackSummary {
  /** Distinct companies passed in. */
  considered: number;
  /** Companies with at least one value to write (the rest were skipped unchanged). */
  changed: number;
  /** Companies HubSpot accepted; only these are recorded as written. changed = written + missing + failed. */
  written: number;
  /** Companies HubSpot no longer has (deleted or merged since the last sync): skipped. */
  missing: number;
  /** Companies HubSpot rejected for any other reason: retried at the next run. */
  failed: number;
  /** HubSpot calls made: property checks, batch updates and the reads that find deleted companies. */
  calls: number;
  /** Batch update calls among them (⌈changed / 100⌉ when nothing fails). */
  updateCalls: number;
  /** Properties (and the group) created in HubSpot by this run. */
  propertiesCreated: string[];
}

export interface WriteBackOptions {
  /** The properties were checked earlier in the same run (by a previous page): skip the listing call. */
  propertiesEnsured?: boolean;
}

// Companies read from the store at a time: bounds memory and statement size at 100k companies.
const sliceSize = 5_000;
const logIdsLimit = 20;

interface Pending {
  companyId: string;
  /** What HubSpot holds once the changes are in: a skipped value keeps the one written before. */
  next: Record<string, string>;
  changes: Partial<HarborPropertyValues>;
}

interface ChunkOutcome {
  accepted: Set<string>;
  missing: string[];
  failed: { ids: string[]; errors: BatchItemError[] };
  calls: number;
  updateCalls: number;
}

function isObjectNotFound(error: unknown): boolean {
  return (
    error instanceof HubSpotError &&
    (error.code === 'HUBSPOT_NOT_FOUND' || error.category === 'OBJECT_NOT_FOUND')
  );
}

/**
 * Sends one chunk (≤ 100). HubSpot reports ids it does not know either per item (207) or, for the whole batch,
 * as a 404 OBJECT_NOT_FOUND; then one batch read tells the live ids apart and the update goes again without
 * the others.
 */
async function sendChunk(gateway: PortalGateway, chunk: readonly Pending[]): Promise<ChunkOutcome> {
  const inputs: UpdateInput[] = chunk.map(({ companyId, changes }) => ({
    id: companyId,
    properties: changes,
  }));
  const ids = inputs.map((input) => input.id);
  let calls = 1;
  let updateCalls = 1;
  let missing: string[] = [];
  let response: BatchResult<CrmRecord>;
  try {
    response = await gateway.batchUpdate('companies', inputs);
  } catch (error) {
    if (!isObjectNotFound(error)) throw error;
    calls += 1;
    const found = await gateway.batchRead('companies', ids, { properties: ['hs_object_id'] });
    const live = new Set(found.results.map((record) => record.id));
    missing = ids.filter((id) => !live.has(id));
    const retry = inputs.filter((input) => live.has(input.id));
    response = { results: [], errors: [] };
    if (retry.length > 0) {
      calls += 1;
      updateCalls += 1;
      response = await gateway.batchUpdate('companies', retry);
    }
  }
  const accepted = new Set(response.results.map((record) => record.id));
  const notFound = new Set(
    response.errors.filter((error) => error.category === 'OBJECT_NOT_FOUND').flatMap((error) => error.ids),
  );
  missing = [...missing, ...ids.filter((id) => !accepted.has(id) && notFound.has(id))];
  const missingSet = new Set(missing);
  const failedIds = ids.filter((id) => !accepted.has(id) && !missingSet.has(id));
  const otherErrors = response.errors.filter((error) => error.category !== 'OBJECT_NOT_FOUND');
  return { accepted, missing, failed: { ids: failedIds, errors: otherErrors }, calls, updateCalls };
}

/**
 * Writes health values to the companies' Harbor properties in HubSpot, sending only values that changed since
 * Harbor last wrote them (companies with no change cost nothing), ≤ 100 companies per batch update. The
 * properties are checked (and created) first, only when something is to be written. Each accepted batch is
 * recorded at once, so a run cut short resumes without rewriting. Companies deleted in HubSpot meanwhile are
 * skipped and logged; other per-item rejections are counted and logged; a failed call (after the gateway's
 * retries) is thrown.
 */
export async function writeBackHealth(
  deps: WriteBackDeps,
  portalId: number,
  items: readonly WriteBackItem[],
  options: WriteBackOptions = {},
): Promise<WriteBackSummary> {
  const gateway = deps.gateway.forPortal(portalId);
  const now = deps.now ?? (() => new Date());
  const log = deps.logger.child({ portalId, task: 'health-write-back' });
  // The last values given for a company win.
  const latest = new Map(items.map((item) => [item.companyId, item.values]));
  const companyIds = [...latest.keys()];
  const summary: WriteBackSummary = { ...emptyWriteBackSummary(), considered: companyIds.length };
  let ensured = options.propertiesEnsured ?? false;

  for (let start = 0; start < companyIds.length; start += sliceSize) {
    const slice = companyIds.slice(start, start + sliceSize);
    const previous = await loadWrittenValues(deps.db, portalId, slice);
    const pending: Pending[] = [];
    const skipped: { companyId: string; properties: HarborPropertyName[] }[] = [];
    for (const companyId of slice) {
      const values = latest.get(companyId);
      if (values === undefined) continue;
      const safe = withoutNonFinite(values);
      if (safe.skipped.length > 0) skipped.push({ companyId, properties: safe.skipped });
      const written = previous.get(companyId);
      const changes = changedValues(written, safe.values);
      const next = { ...written, ...safe.values };
      if (Object.keys(changes).length > 0) pending.push({ companyId, next, changes });
    }
    if (skipped.length > 0) {
      log.error(
        { count: skipped.length, companies: skipped.slice(0, logIdsLimit) },
        'Skipped health values that are not finite numbers; HubSpot keeps the values it has',
      );
    }
    summary.changed += pending.length;
    if (pending.length === 0) continue;

    if (!ensured) {
      const ensuredProperties = await ensureHarborProperties(gateway);
      summary.calls += ensuredProperties.calls;
      summary.propertiesCreated = [
        ...(ensuredProperties.groupCreated ? ['group:harbor_health'] : []),
        ...ensuredProperties.created,
      ];
      ensured = true;
    }

    for (let offset = 0; offset < pending.length; offset += batchSize) {
      const chunk = pending.slice(offset, offset + batchSize);
      const outcome = await sendChunk(gateway, chunk);
      summary.calls += outcome.calls;
      summary.updateCalls += outcome.updateCalls;
      const written = chunk.filter((item) => outcome.accepted.has(item.companyId));
      await saveWrittenValues(
        deps.db,
        portalId,
        written.map((item) => ({ companyId: item.companyId, values: item.next })),
        now(),
      );
      summary.written += written.length;
      summary.missing += outcome.missing.length;
      summary.failed += outcome.failed.ids.length;
      if (outcome.missing.length > 0) {
        log.info(
          { count: outcome.missing.length, companyIds: outcome.missing.slice(0, logIdsLimit) },
          'Skipped health write-back to companies HubSpot no longer has',
        );
      }
      if (outcome.failed.ids.length > 0) {
        log.warn(
          {
            count: outcome.failed.ids.length,
            companyIds: outcome.failed.ids.slice(0, logIdsLimit),
            errors: outcome.failed.errors.slice(0, 5).map(({ category, message }) => ({ category, message })),
          },
          'HubSpot rejected health write-back for some companies; they are retried next run',
        );
      }
    }
  }

  log.debug({ ...summary }, 'Health write-back finished');
  return summary;
}
