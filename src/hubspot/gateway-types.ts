/** A CRM record as Harbor sees it: HubSpot's wire values, with times as Dates. */
export interface CrmRecord {
  id: string;
  properties: Record<string, string | null>;
  createdAt: Date;
  updatedAt: Date;
  archived: boolean;
  /** Associated ids by object type, when asked for on list/get (first page of each only). */
  associations?: Record<string, string[]>;
  /** Each property asked for with history: the values it held, newest first as HubSpot sends them. */
  propertiesWithHistory?: Record<string, PropertyVersion[]>;
}

/** One value a property held; `timestamp` is when it was set, in epoch ms. */
export interface PropertyVersion {
  value: string;
  timestamp: number;
}

/** One page of a list walk; `after` is the cursor for the next page (store it to resume). */
export interface CrmPage {
  results: CrmRecord[];
  after: string | undefined;
}

/** One failed item of a batch call (HubSpot's 207 Multi-Status `errors[]`). */
export interface BatchItemError {
  status: string;
  category: string;
  message: string;
  /** Ids the error is about, from `context.ids` when HubSpot names them. */
  ids: string[];
  context: Record<string, string[]>;
}

export interface BatchResult<T> {
  results: T[];
  errors: BatchItemError[];
}

export type FilterOperator =
  | 'EQ'
  | 'NEQ'
  | 'LT'
  | 'LTE'
  | 'GT'
  | 'GTE'
  | 'BETWEEN'
  | 'IN'
  | 'NOT_IN'
  | 'HAS_PROPERTY'
  | 'NOT_HAS_PROPERTY'
  | 'CONTAINS_TOKEN'
  | 'NOT_CONTAINS_TOKEN';

export interface SearchFilter {
  propertyName: string;
  operator: FilterOperator;
  value?: string;
  values?: string[];
  highValue?: string;
}

export interface SearchSort {
  propertyName: string;
  direction: 'ASCENDING' | 'DESCENDING';
}

export interface SearchRequest {
  /** Groups are OR-ed, filters in a group AND-ed (HubSpot: at most 5 groups, 18 filters). */
  filterGroups?: { filters: SearchFilter[] }[];
  sorts?: SearchSort[];
  properties?: string[];
  /** 1–200; default 100. */
  limit?: number;
  after?: string;
  query?: string;
}

export interface SearchPage {
  total: number;
  results: CrmRecord[];
  after: string | undefined;
}

/** HubSpot-defined association type ids we use (docs/hubspot-platform.md §7.3). */
export const associationTypeIds = {
  taskToCompany: 192,
  companyToTask: 191,
} as const;
