import type { CrmPage } from './gateway-types.ts';
import { toCrmRecord } from './mappers.ts';
import type { PortalApi } from './portal-api.ts';

/** HubSpot's largest page for object lists. */
export const listPageSize = 100;

export interface ListPagesOptions {
  properties: string[];
  /** Object types whose associated ids come along (first page of each association only). */
  associations?: string[];
  archived?: boolean;
  /** Resume from a stored cursor instead of the first page. */
  after?: string;
}

/** Walks GET /crm/v3/objects/{type} page by page (100 per page), following `paging.next.after`. */
export async function* listPages(
  api: PortalApi,
  objectType: string,
  options: ListPagesOptions,
): AsyncGenerator<CrmPage, void, undefined> {
  let after = options.after;
  do {
    const cursor = after;
    const page = await api.call('standard', (client) =>
      client.crm.objects.basicApi.getPage(
        objectType,
        listPageSize,
        cursor,
        options.properties,
        undefined,
        options.associations,
        options.archived ?? false,
      ),
    );
    after = page.paging?.next?.after;
    yield { results: page.results.map(toCrmRecord), after };
  } while (after !== undefined);
}

/** Follows a cursor-paged HubSpot collection to the end (owners and the like). */
export async function collectAll<T>(
  fetchPage: (after: string | undefined) => Promise<{ results: T[]; paging?: { next?: { after: string } } }>,
): Promise<T[]> {
  const all: T[] = [];
  let after: string | undefined;
  do {
    const page = await fetchPage(after);
    all.push(...page.results);
    after = page.paging?.next?.after;
  } while (after !== undefined);
  return all;
}
