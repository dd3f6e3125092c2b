import { Router } from 'express';

import type { SandboxStore } from '../../store/sandbox-store.ts';
import {
  createdProperty,
  lastModifiedProperty,
  type SandboxObjectType,
  type SandboxRecord,
} from '../../store/sandbox-types.ts';
import { requestContext } from '../request-context.ts';
import { propertiesToReturn, searchableProperties } from './default-properties.ts';
import { serializeRecord } from './object-serializer.ts';
import { objectTypeFromPath, resolveObjectType } from './object-types.ts';
import {
  compareForSort,
  matchesFilterGroups,
  type PropertyKind,
  type RecordValues,
  type SearchFilterGroup,
} from './search-filter.pure.ts';
import { parseSearchRequest } from './search-request.ts';

/** Each property's type from the portal's definitions, plus the system ones a bare test store lacks. */
function propertyKinds(store: SandboxStore, type: SandboxObjectType): Record<string, PropertyKind> {
  const kinds: Record<string, PropertyKind> = {
    hs_object_id: 'number',
    [createdProperty[type]]: 'datetime',
    [lastModifiedProperty[type]]: 'datetime',
  };
  for (const definition of store.properties.get(type)?.values() ?? [])
    kinds[definition.name] = definition.type;
  return kinds;
}

/** `associations.{type}` pseudo properties in the filters (HubSpot's "search by associated record"). */
function associationFilters(
  type: SandboxObjectType,
  groups: readonly SearchFilterGroup[],
): Map<string, SandboxObjectType> {
  const pseudo = new Map<string, SandboxObjectType>();
  for (const filter of groups.flatMap((group) => group.filters)) {
    if (!filter.propertyName.startsWith('associations.')) continue;
    const toType = resolveObjectType(filter.propertyName.slice('associations.'.length));
    if (toType !== undefined && toType !== type) pseudo.set(filter.propertyName, toType);
  }
  return pseudo;
}

function recordValues(
  store: SandboxStore,
  type: SandboxObjectType,
  record: SandboxRecord,
  pseudo: ReadonlyMap<string, SandboxObjectType>,
): RecordValues {
  if (pseudo.size === 0) return record.properties;
  const values: Record<string, string | readonly string[]> = { ...record.properties };
  for (const [name, toType] of pseudo) values[name] = store.associations.ids(type, record.id, toType);
  return values;
}

/** `query`: a case-insensitive substring of one of the type's default searchable properties. */
function matchesQuery(type: SandboxObjectType, record: SandboxRecord, query: string | undefined): boolean {
  const wanted = query?.trim().toLowerCase() ?? '';
  if (wanted === '') return true;
  return searchableProperties[type].some((name) => record.properties[name]?.toLowerCase().includes(wanted));
}

/**
 * POST /crm/v3/objects/{type}/search. Archived records never appear. With no sort, results come in creation
 * order, oldest first (id order here); ties under a sort are broken by id ascending so paging is stable.
 * `after` is an offset; `total` is the true count even past the 10,000-result cap, and `paging.next` is
 * offered while results remain, so a client that pages on blindly meets HubSpot's 400 at the cap.
 */
export function createSearchRoutes(): Router {
  const router = Router();
  router.post('/crm/v3/objects/:objectType/search', (req, res) => {
    const type = objectTypeFromPath(req.params.objectType);
    const search = parseSearchRequest(req.body);
    const { store } = requestContext(res);
    const kinds = propertyKinds(store, type);
    const pseudo = associationFilters(type, search.groups);
    const matches: SandboxRecord[] = [];
    for (const record of store.tables[type].all()) {
      if (record.archived || !matchesQuery(type, record, search.query)) continue;
      if (matchesFilterGroups(search.groups, recordValues(store, type, record, pseudo), kinds))
        matches.push(record);
    }
    const { sort } = search;
    if (sort !== undefined) {
      const kind = kinds[sort.propertyName];
      matches.sort(
        (a, b) =>
          compareForSort(
            a.properties[sort.propertyName],
            b.properties[sort.propertyName],
            sort.direction,
            kind,
          ) || Number(a.id) - Number(b.id),
      );
    }
    const end = search.offset + search.limit;
    const names = propertiesToReturn(type, search.properties);
    res.json({
      total: matches.length,
      results: matches
        .slice(search.offset, end)
        .map((record) => serializeRecord(store, type, record, { properties: names })),
      ...(end < matches.length ? { paging: { next: { after: String(end) } } } : {}),
    });
  });
  return router;
}
