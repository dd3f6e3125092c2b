import { z } from 'zod';

/**
 * The monthly product-feedback digest (`harbor report digest`, GET /api/reports/digests[/:month], the home
 * page "Feedback digest"): a month's survey comments and feature-request tickets grouped into themes. How
 * themes are found and every choice behind the numbers is in docs/reports.md, "Product-feedback digest".
 */

/** A calendar month in UTC, YYYY-MM. */
export const digestMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month (YYYY-MM)');

export const feedbackSources = ['survey', 'ticket'] as const;
export type FeedbackSource = (typeof feedbackSources)[number];

export const digestQuoteWire = z.strictObject({
  text: z.string().max(2_000),
  source: z.enum(feedbackSources),
  companyId: z.string().nullable(),
  companyName: z.string().nullable(),
});
export type DigestQuoteWire = z.infer<typeof digestQuoteWire>;

/** `new`: nothing like it last month; `up`/`down`: more or fewer than last month; `flat`: as many. */
export const themeTrends = ['new', 'up', 'down', 'flat'] as const;
export type ThemeTrend = (typeof themeTrends)[number];

export const digestThemeWire = z.strictObject({
  /** The theme's top keywords joined, e.g. "export · excel". */
  label: z.string(),
  keywords: z.array(z.string()).max(5),
  /** Comments and tickets this month in the theme. */
  count: z.number().int().nonnegative(),
  bySource: z.strictObject({
    survey: z.number().int().nonnegative(),
    ticket: z.number().int().nonnegative(),
  }),
  /** Distinct companies behind them (feedback Harbor cannot link to a company counts in `count` only). */
  companies: z.number().int().nonnegative(),
  /** Sum of those companies' contract value (the settings' contract value property), once per company. */
  contractValue: z.number().nonnegative(),
  /** Of `companies`, how many have no contract value, so a low sum is read for what it is. */
  companiesWithoutValue: z.number().int().nonnegative(),
  /** Last month's comments and tickets that fall in this theme. */
  previousCount: z.number().int().nonnegative(),
  trend: z.enum(themeTrends),
  quotes: z.array(digestQuoteWire).max(3),
});
export type DigestThemeWire = z.infer<typeof digestThemeWire>;

/**
 * How the digest reached the product owner: `task`/`note` made in HubSpot; `not_routed`: no product
 * destination in settings, or one the digest cannot use (a team or queue); `empty`: no feedback that month,
 * nothing sent; `failed`: HubSpot refused or failed, tried again next run.
 */
export const digestDeliveryStatuses = ['pending', 'task', 'note', 'not_routed', 'empty', 'failed'] as const;
export type DigestDeliveryStatus = (typeof digestDeliveryStatuses)[number];

export const digestDeliveryWire = z.strictObject({
  status: z.enum(digestDeliveryStatuses),
  /** The HubSpot task or note id. */
  reference: z.string().nullable(),
  at: z.string().nullable(),
  detail: z.string().nullable(),
});
export type DigestDeliveryWire = z.infer<typeof digestDeliveryWire>;

export const feedbackDigestWire = z.strictObject({
  portalId: z.number().int(),
  month: digestMonthSchema,
  builtAt: z.string(),
  /** The portal's currency (ISO code) for contract values, when HubSpot told Harbor. */
  currency: z.string().nullable(),
  sources: z.strictObject({
    surveyComments: z.number().int().nonnegative(),
    featureRequestTickets: z.number().int().nonnegative(),
  }),
  /** Comments and tickets of the month with words to group (all of them are in some theme or in `other`). */
  itemCount: z.number().int().nonnegative(),
  previousItemCount: z.number().int().nonnegative(),
  /** Most first; a theme has at least two comments or tickets. */
  themes: z.array(digestThemeWire).max(100),
  /** Comments and tickets that resemble no other one this month. */
  otherCount: z.number().int().nonnegative(),
  otherQuotes: z.array(digestQuoteWire).max(3),
  delivery: digestDeliveryWire,
});
export type FeedbackDigestWire = z.infer<typeof feedbackDigestWire>;

/** One stored digest as the page's list shows it. */
export const digestSummaryWire = z.strictObject({
  month: digestMonthSchema,
  builtAt: z.string(),
  itemCount: z.number().int().nonnegative(),
  themeCount: z.number().int().nonnegative(),
  topThemes: z.array(z.string()).max(3),
  delivery: z.enum(digestDeliveryStatuses),
});
export type DigestSummaryWire = z.infer<typeof digestSummaryWire>;

export const digestListWire = z.strictObject({
  /** Newest month first. */
  digests: z.array(digestSummaryWire).max(120),
});
export type DigestListWire = z.infer<typeof digestListWire>;

/** One digest with the Markdown the product owner received. */
export const digestDocumentWire = z.strictObject({
  digest: feedbackDigestWire,
  markdown: z.string(),
});
export type DigestDocumentWire = z.infer<typeof digestDocumentWire>;
