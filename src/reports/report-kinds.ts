import type { ReportPeriod } from '@harbor/wire';
import type { Kysely } from 'kysely';

import type { Logger } from '../shared/logger.ts';
import type { Database } from '../store/database-schema.ts';

/** The reports `harbor report <kind>` prints; each has one builder in report-registry.ts. */
export const reportKinds = ['retention', 'nps', 'cohorts', 'digest', 'strategy'] as const;
export type ReportKind = (typeof reportKinds)[number];

export const reportFormats = ['table', 'json', 'csv', 'md'] as const;
export type ReportFormat = (typeof reportFormats)[number];

/** What a reader asked for; every field is already checked (the CLI and the routes parse with zod). */
export interface ReportQuery {
  /** One segment of the health model, or every segment plus `all` when absent. */
  segment?: string | undefined;
  period: ReportPeriod;
  /** ISO dates (YYYY-MM-DD), inclusive; a builder picks a sensible window when absent (say which in its help). */
  from?: string | undefined;
  to?: string | undefined;
  /** Only companies this HubSpot owner owns. */
  ownerId?: string | undefined;
}

export interface ReportContext {
  db: Kysely<Database>;
  logger: Logger;
  portalId: number;
  /** The report's "today": censoring, open periods and "survey due" are measured from it. */
  now: Date;
}

/** One report in every format the CLI prints; `json` is what `--format json` writes (one line). */
export interface RenderedReport {
  json: unknown;
  table: string;
  csv: string;
  md: string;
}

export type ReportBuilder = (context: ReportContext, query: ReportQuery) => Promise<RenderedReport>;
