/**
 * HubSpot CRM search filter semantics as plain data in, boolean out: filters in a group AND, groups OR.
 * Values compare as epoch ms when the property is a date/date-time (or either side looks like an ISO date),
 * as numbers when both sides parse as numbers, otherwise as case-insensitive strings.
 */

export const filterOperators = [
  'EQ',
  'NEQ',
  'LT',
  'LTE',
  'GT',
  'GTE',
  'BETWEEN',
  'IN',
  'NOT_IN',
  'HAS_PROPERTY',
  'NOT_HAS_PROPERTY',
  'CONTAINS_TOKEN',
  'NOT_CONTAINS_TOKEN',
] as const;
export type FilterOperator = (typeof filterOperators)[number];

export interface SearchFilter {
  readonly propertyName: string;
  readonly operator: FilterOperator;
  readonly value?: string | undefined;
  readonly values?: readonly string[] | undefined;
  readonly highValue?: string | undefined;
}

export interface SearchFilterGroup {
  readonly filters: readonly SearchFilter[];
}

/** HubSpot property types that change how values compare. */
export type PropertyKind =
  'bool' | 'date' | 'datetime' | 'enumeration' | 'number' | 'phone_number' | 'string';

/** A record's value: one string, several (a pseudo property such as `associations.company`), or none. */
export type FilterValue = string | readonly string[] | undefined;

export type RecordValues = Readonly<Record<string, FilterValue>>;
export type PropertyKinds = Readonly<Partial<Record<string, PropertyKind>>>;

const isoDatePattern = /^\d{4}-\d{2}-\d{2}(?:T|$)/;
const numberPattern = /^\s*-?\d+(?:\.\d+)?(?:e[+-]?\d+)?\s*$/i;

function toNumber(value: string): number | undefined {
  return numberPattern.test(value) ? Number(value) : undefined;
}

/** HubSpot takes dates as ms since epoch or ISO 8601 strings. */
function toEpochMs(value: string): number | undefined {
  const asNumber = toNumber(value);
  if (asNumber !== undefined) return asNumber;
  if (!isoDatePattern.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

function sign(difference: number): number {
  return difference < 0 ? -1 : difference > 0 ? 1 : 0;
}

/** Orders two non-empty values of one property: negative, zero or positive. */
export function compareValues(left: string, right: string, kind: PropertyKind | undefined): number {
  const isDateLike =
    kind === 'date' ||
    kind === 'datetime' ||
    (kind === undefined && (isoDatePattern.test(left) || isoDatePattern.test(right)));
  if (isDateLike) {
    const [a, b] = [toEpochMs(left), toEpochMs(right)];
    if (a !== undefined && b !== undefined) return sign(a - b);
  }
  // Text-typed properties keep text order even for digits: "02134" is not "2134".
  if (kind !== 'string' && kind !== 'enumeration' && kind !== 'phone_number') {
    const [a, b] = [toNumber(left), toNumber(right)];
    if (a !== undefined && b !== undefined) return sign(a - b);
  }
  const [a, b] = [left.toLowerCase(), right.toLowerCase()];
  return a < b ? -1 : a > b ? 1 : 0;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * CONTAINS_TOKEN: the pattern (with `*` wildcards, case-insensitive) matches the whole value or one of its
 * words, as in HubSpot's `*@hubspot.com` email example and a single word of a company name.
 */
export function containsToken(value: string, pattern: string): boolean {
  const source = pattern.toLowerCase().split('*').map(escapeRegExp).join('.*');
  const matcher = new RegExp(`^${source}$`, 'u');
  const lower = value.toLowerCase();
  const tokens = lower.split(/[^\p{L}\p{N}@._+-]+/u).filter((token) => token !== '');
  return matcher.test(lower) || tokens.some((token) => matcher.test(token));
}

/** Values that count as set: an empty string is "no value" in HubSpot. */
function presentValues(raw: FilterValue): readonly string[] {
  if (raw === undefined) return [];
  if (typeof raw === 'string') return raw === '' ? [] : [raw];
  return raw.filter((value) => value !== '');
}

/**
 * One filter against one record. Negative operators (NEQ, NOT_IN, NOT_CONTAINS_TOKEN) are the negation of
 * their positive twin, so they also match records with no value, as an inverted index query does.
 */
export function matchesFilter(filter: SearchFilter, values: RecordValues, kinds: PropertyKinds): boolean {
  const present = presentValues(values[filter.propertyName]);
  const kind = kinds[filter.propertyName];
  const value = filter.value ?? '';
  const equalsAny = (candidates: readonly string[]): boolean =>
    present.some((item) => candidates.some((candidate) => compareValues(item, candidate, kind) === 0));
  const some = (test: (order: number) => boolean): boolean =>
    present.some((item) => test(compareValues(item, value, kind)));
  switch (filter.operator) {
    case 'HAS_PROPERTY':
      return present.length > 0;
    case 'NOT_HAS_PROPERTY':
      return present.length === 0;
    case 'EQ':
      return equalsAny([value]);
    case 'NEQ':
      return !equalsAny([value]);
    case 'LT':
      return some((order) => order < 0);
    case 'LTE':
      return some((order) => order <= 0);
    case 'GT':
      return some((order) => order > 0);
    case 'GTE':
      return some((order) => order >= 0);
    case 'BETWEEN': {
      const high = filter.highValue ?? '';
      return present.some(
        (item) => compareValues(item, value, kind) >= 0 && compareValues(item, high, kind) <= 0,
      );
    }
    case 'IN':
      return equalsAny(filter.values ?? []);
    case 'NOT_IN':
      return !equalsAny(filter.values ?? []);
    case 'CONTAINS_TOKEN':
      return present.some((item) => containsToken(item, value));
    case 'NOT_CONTAINS_TOKEN':
      return !present.some((item) => containsToken(item, value));
  }
}

/** Filters in a group AND, groups OR; no groups matches everything. */
export function matchesFilterGroups(
  groups: readonly SearchFilterGroup[],
  values: RecordValues,
  kinds: PropertyKinds,
): boolean {
  if (groups.length === 0) return true;
  return groups.some((group) => group.filters.every((filter) => matchesFilter(filter, values, kinds)));
}

/** Sort order of two records' values for one property; records without a value come last either way. */
export function compareForSort(
  left: string | undefined,
  right: string | undefined,
  direction: 'ASCENDING' | 'DESCENDING',
  kind: PropertyKind | undefined,
): number {
  const hasLeft = left !== undefined && left !== '';
  const hasRight = right !== undefined && right !== '';
  if (!hasLeft || !hasRight) return hasLeft === hasRight ? 0 : hasLeft ? -1 : 1;
  const order = compareValues(left, right, kind);
  return direction === 'ASCENDING' ? order : -order;
}
