import { search } from './crm-search.ts';
import type { CrmRecord, SearchFilter } from './gateway-types.ts';
import type { PortalApi } from './portal-api.ts';

export interface ModifiedSinceOptions {
  /** Epoch ms; records modified at or after it are returned. */
  sinceMs: number;
  properties: string[];
  /** Defaults to hs_lastmodifieddate (lastmodifieddate for contacts). */
  lastModifiedProperty?: string;
  /** Further filters AND-ed with the time filter. */
  filters?: SearchFilter[];
  /** 1–200; default 200 (HubSpot's largest search page). */
  pageSize?: number;
}

export interface ModifiedPage {
  results: CrmRecord[];
  /** Pass as `sinceMs` to resume after this page; records modified at exactly this time may come again. */
  resumeFromMs: number;
}

/** HubSpot names the last-modified property differently for contacts. */
export function lastModifiedPropertyFor(objectType: string): string {
  return objectType === 'contacts' || objectType === '0-1' ? 'lastmodifieddate' : 'hs_lastmodifieddate';
}

function modifiedMs(record: CrmRecord, property: string): number {
  const value = record.properties[property];
  if (value === null || value === undefined) return record.updatedAt.getTime();
  const parsed = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  return Number.isNaN(parsed) ? record.updatedAt.getTime() : parsed;
}

/**
 * Every record modified since `sinceMs`, oldest first, walking past search's 10,000-result cap.
 *
 * Each page is its own window: filter `modified GTE start`, sort ascending, take one page, then start the
 * next window at the last timestamp seen and skip the ids already returned at that timestamp. Compared
 * with paging one window to ~10,000 via `after`, this never meets the cap and cannot skip a record when
 * another one is modified mid-walk (which shifts every later offset by one). When a whole page shares one
 * timestamp, that timestamp is walked by `hs_object_id` before moving strictly past it.
 */
export async function* searchModifiedSince(
  api: PortalApi,
  objectType: string,
  options: ModifiedSinceOptions,
): AsyncGenerator<ModifiedPage, void, undefined> {
  const property = options.lastModifiedProperty ?? lastModifiedPropertyFor(objectType);
  const properties = [...new Set([...options.properties, property])];
  const limit = options.pageSize ?? 200;
  const extra = options.filters ?? [];
  let start = options.sinceMs;
  let seenAtStart = new Set<string>();

  for (;;) {
    const page = await search(api, objectType, {
      filterGroups: [
        { filters: [...extra, { propertyName: property, operator: 'GTE', value: String(start) }] },
      ],
      sorts: [{ propertyName: property, direction: 'ASCENDING' }],
      properties,
      limit,
    });
    const last = page.results.at(-1);
    const lastMs = last === undefined ? start : modifiedMs(last, property);
    const fresh = page.results.filter((record) => !seenAtStart.has(record.id));
    if (fresh.length > 0) yield { results: fresh, resumeFromMs: lastMs };
    if (page.after === undefined) return;

    if (lastMs > start) {
      start = lastMs;
      seenAtStart = new Set(page.results.filter((r) => modifiedMs(r, property) === lastMs).map((r) => r.id));
    } else {
      const skip = new Set([...seenAtStart, ...page.results.map((record) => record.id)]);
      yield* walkOneTimestamp(api, objectType, { at: start, property, properties, limit, extra, skip });
      // Timestamps are whole milliseconds, so GTE start + 1 means "strictly after".
      start += 1;
      seenAtStart = new Set();
    }
  }
}

interface TimestampWalk {
  at: number;
  property: string;
  properties: string[];
  limit: number;
  extra: SearchFilter[];
  skip: ReadonlySet<string>;
}

/** All records modified at exactly `at`, by ascending id, skipping ids already returned. */
async function* walkOneTimestamp(
  api: PortalApi,
  objectType: string,
  walk: TimestampWalk,
): AsyncGenerator<ModifiedPage, void, undefined> {
  let afterId: string | undefined;
  for (;;) {
    const filters: SearchFilter[] = [
      ...walk.extra,
      { propertyName: walk.property, operator: 'EQ', value: String(walk.at) },
      ...(afterId === undefined
        ? []
        : [{ propertyName: 'hs_object_id', operator: 'GT' as const, value: afterId }]),
    ];
    const page = await search(api, objectType, {
      filterGroups: [{ filters }],
      sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }],
      properties: walk.properties,
      limit: walk.limit,
    });
    const fresh = page.results.filter((record) => !walk.skip.has(record.id));
    if (fresh.length > 0) yield { results: fresh, resumeFromMs: walk.at };
    const last = page.results.at(-1);
    if (page.after === undefined || last === undefined) return;
    afterId = last.id;
  }
}
