import { z } from 'zod';

import { parseWith, validationError } from './crm-errors.ts';
import { filterOperators, type SearchFilter, type SearchFilterGroup } from './search-filter.pure.ts';

/** Search limits from HubSpot's search guide. */
export const searchLimits = {
  maxFilterGroups: 5,
  maxFiltersPerGroup: 6,
  maxFilters: 18,
  maxLimit: 200,
  defaultLimit: 10,
  /** No query pages past its 10,000th result. */
  maxResults: 10_000,
} as const;

// Values arrive as strings in the spec, but HubSpot also takes JSON numbers and booleans (ms timestamps).
const scalar = z.union([z.string(), z.number(), z.boolean()]).transform(String);

const filterSchema = z.object({
  propertyName: z.string().min(1),
  operator: z.enum(filterOperators),
  value: scalar.optional(),
  values: z.array(scalar).optional(),
  highValue: scalar.optional(),
});

// The spec declares sorts as strings ("name" or "-name"); the guide sends { propertyName, direction }.
const sortSchema = z.union([
  z
    .string()
    .min(1)
    .transform((text) =>
      text.startsWith('-')
        ? { propertyName: text.slice(1), direction: 'DESCENDING' as const }
        : { propertyName: text, direction: 'ASCENDING' as const },
    ),
  z.object({
    propertyName: z.string().min(1),
    direction: z.enum(['ASCENDING', 'DESCENDING']).default('ASCENDING'),
  }),
]);

// The spec marks after/filterGroups/limit/properties/sorts required, but `{}` is a valid search (guide, SDK).
const searchBodySchema = z.object({
  filterGroups: z.array(z.object({ filters: z.array(filterSchema) })).default([]),
  sorts: z.array(sortSchema).default([]),
  properties: z.array(z.string()).optional(),
  limit: z
    .union([z.number(), z.string().regex(/^\d+$/).transform(Number)])
    .pipe(z.number().int().min(1).max(searchLimits.maxLimit, `limit may be at most ${searchLimits.maxLimit}`))
    .default(searchLimits.defaultLimit),
  after: z
    .union([z.string(), z.number()])
    .transform(String)
    .transform((text) => (text === '' ? '0' : text))
    .pipe(z.string().regex(/^\d+$/, 'after must be a paging cursor from an earlier answer'))
    .transform(Number)
    .default(0),
  query: z.string().max(3000).optional(),
});

export interface SearchRequest {
  groups: SearchFilterGroup[];
  sort: { propertyName: string; direction: 'ASCENDING' | 'DESCENDING' } | undefined;
  properties: string[] | undefined;
  limit: number;
  offset: number;
  query: string | undefined;
}

function checkFilter(filter: SearchFilter): void {
  const needsValue = !['HAS_PROPERTY', 'NOT_HAS_PROPERTY', 'IN', 'NOT_IN'].includes(filter.operator);
  if (needsValue && filter.value === undefined) {
    throw validationError(`${filter.operator} filter on ${filter.propertyName} needs a value`);
  }
  if (filter.operator === 'BETWEEN' && filter.highValue === undefined) {
    throw validationError(`BETWEEN filter on ${filter.propertyName} needs a value and a highValue`);
  }
  if ((filter.operator === 'IN' || filter.operator === 'NOT_IN') && (filter.values ?? []).length === 0) {
    throw validationError(
      `${filter.operator} filter on ${filter.propertyName} needs a non-empty values list`,
    );
  }
}

function checkFilterCounts(groups: readonly SearchFilterGroup[]): void {
  const { maxFilterGroups, maxFiltersPerGroup, maxFilters } = searchLimits;
  if (groups.length > maxFilterGroups) {
    throw validationError(
      `Too many filter groups (${groups.length}); at most ${maxFilterGroups} are allowed.`,
    );
  }
  for (const group of groups) {
    if (group.filters.length > maxFiltersPerGroup) {
      throw validationError(
        `Too many filters in a group (${group.filters.length}); at most ${maxFiltersPerGroup} per group are allowed.`,
      );
    }
  }
  const total = groups.reduce((sum, group) => sum + group.filters.length, 0);
  if (total > maxFilters) {
    throw validationError(`Too many filters (${total}); at most ${maxFilters} in all are allowed.`);
  }
}

/** Parses and checks a search body; every problem is HubSpot's 400 VALIDATION_ERROR. */
export function parseSearchRequest(body: unknown): SearchRequest {
  const parsed = parseWith(searchBodySchema, body ?? {}, 'body');
  const groups: SearchFilterGroup[] = parsed.filterGroups;
  checkFilterCounts(groups);
  for (const group of groups) group.filters.forEach(checkFilter);
  if (parsed.sorts.length > 1) throw validationError('Only one sort is supported per search.');
  if (parsed.after + parsed.limit > searchLimits.maxResults) {
    throw validationError(
      `Search results are limited to ${searchLimits.maxResults} per query: after (${parsed.after}) + limit ` +
        `(${parsed.limit}) goes past result ${searchLimits.maxResults}. Narrow the query instead, e.g. by ` +
        'filtering on hs_lastmodifieddate and sorting on it.',
      { context: { after: [String(parsed.after)], limit: [String(parsed.limit)] } },
    );
  }
  return {
    groups,
    sort: parsed.sorts[0],
    properties: parsed.properties,
    limit: parsed.limit,
    offset: parsed.after,
    query: parsed.query,
  };
}
