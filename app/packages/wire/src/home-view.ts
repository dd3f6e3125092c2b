import { z } from 'zod';

import { healthDriverWire, isoTimeWire, tierWire } from './health-score.ts';
import { portfolioAlertsWire } from './report-alerts.ts';

/**
 * The app home page's portfolio in one answer of `GET /api/views/home`: how the portfolio splits into tiers
 * per segment, the at-risk companies with the most contract value first (a page at a time), the tier changes
 * of the last 7 days, the renewals of the next 90 days, and how well the score predicted past renewals.
 * Contract values are the company's `contract_value` as HubSpot stores it, in the portal's company currency
 * (`currency`), renewal dates its `renewal_date` day.
 */

const homeDayWire = z.iso.date();

/** Lists other than the at-risk one show their first entries and say how many there are in all. */
export const homeListCap = 50;
/** Company names are cut to this many characters, so a page stays small whatever the CRM holds. */
export const homeNameMaxLength = 200;
/** The at-risk page size: `limit` in the query, at most this many. */
export const homeAtRiskMaxLimit = 50;
export const homeAtRiskDefaultLimit = 25;
export const homeTierChangeDays = 7;
export const homeRenewalDays = 90;

/** A company as the lists name it: the HubSpot record id, its name when Harbor has a copy of it. */
const homeCompanyFields = {
  companyId: z.string(),
  name: z.string().nullable(),
};

export const homeSegmentTiersWire = z.strictObject({
  segment: z.string(),
  healthy: z.number().int(),
  watch: z.number().int(),
  at_risk: z.number().int(),
  /** Scored, but no component had data: no tier yet. */
  noData: z.number().int(),
});

export const homeAtRiskCompanyWire = z.strictObject({
  ...homeCompanyFields,
  score: z.number().nullable(),
  tier: tierWire,
  segment: z.string(),
  topDriver: healthDriverWire.nullable(),
  owner: z.strictObject({ id: z.string(), name: z.string().nullable() }).nullable(),
  contractValue: z.number().nullable(),
  renewalDate: homeDayWire.nullable(),
});

export const homeTierChangeWire = z.strictObject({
  ...homeCompanyFields,
  from: tierWire,
  to: tierWire,
  changedAt: isoTimeWire,
  score: z.number().nullable(),
});

export const homeRenewalWire = z.strictObject({
  ...homeCompanyFields,
  renewalDate: homeDayWire,
  /** Null when Harbor has not scored the company (or it had no data). */
  tier: tierWire.nullable(),
  score: z.number().nullable(),
  contractValue: z.number().nullable(),
});

/**
 * The latest calibration's report card of the model in use: the held-out AUC and top-decile lift, and how
 * many past renewals (known outcomes) it was judged on.
 */
export const homeBacktestWire = z.strictObject({
  measuredAt: isoTimeWire,
  auc: z.number().nullable(),
  topDecileLift: z.number().nullable(),
  renewals: z.number().int(),
  /** The companies the figures were measured on (held out from the fit). */
  heldOut: z.number().int(),
});

export const homeViewWire = z.strictObject({
  generatedAt: isoTimeWire,
  /** The portal's company currency (ISO 4217) every contract value is in; null until HubSpot said which. */
  currency: z.string().nullable(),
  /** Companies with a current score; 0 means nothing has been scored yet. */
  scoredCompanies: z.number().int(),
  tiersBySegment: z.array(homeSegmentTiersWire).max(homeListCap),
  atRisk: z.strictObject({
    total: z.number().int(),
    /** The sum of the at-risk companies' contract values (those without one count for nothing). */
    contractValueAtRisk: z.number(),
    companies: z.array(homeAtRiskCompanyWire).max(homeAtRiskMaxLimit),
    /** Pass as `cursor` for the next page; null on the last page. */
    nextCursor: z.string().nullable(),
  }),
  tierChanges: z.strictObject({
    since: isoTimeWire,
    total: z.number().int(),
    /** Newest first. */
    companies: z.array(homeTierChangeWire).max(homeListCap),
  }),
  renewals: z.strictObject({
    from: homeDayWire,
    to: homeDayWire,
    total: z.number().int(),
    /** Soonest first. */
    companies: z.array(homeRenewalWire).max(homeListCap),
  }),
  backtest: homeBacktestWire.nullable(),
  /** The trend alerts of the retention and NPS figures (report-alerts.ts), open and lately cleared. */
  portfolioAlerts: portfolioAlertsWire,
});

export type HomeSegmentTiersWire = z.infer<typeof homeSegmentTiersWire>;
export type HomeAtRiskCompanyWire = z.infer<typeof homeAtRiskCompanyWire>;
export type HomeTierChangeWire = z.infer<typeof homeTierChangeWire>;
export type HomeRenewalWire = z.infer<typeof homeRenewalWire>;
export type HomeBacktestWire = z.infer<typeof homeBacktestWire>;
export type HomeViewWire = z.infer<typeof homeViewWire>;
