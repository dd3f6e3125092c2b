import { z } from 'zod';

import { reportPeriods, targetSegmentSchema } from './report-settings.ts';

/**
 * The NPS programme: `harbor report nps --format json`, `GET /api/reports/nps` and the home page "NPS".
 * Per segment (plus `all`) and period: NPS (0–10), CSAT on HubSpot's 3-point scale (0/1/2, never mixed with
 * 1–5 scales) and CES (1–7), each with n, its shares and a 95 % interval, hidden below the minimum n; the
 * customers due a survey; the detractor loop. Every definition is in docs/reports.md, "NPS programme".
 */

const isoDayWire = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date (YYYY-MM-DD)');
const isoTimeWire = z.iso.datetime({ offset: true });

/** A count and its share of the answers, with the 95 % Wilson score interval of that share (fractions). */
export const npsShareWire = z.strictObject({
  count: z.number().int().nonnegative(),
  /** Null when the metric is hidden (fewer answers than the minimum). */
  share: z.number().min(0).max(1).nullable(),
  low: z.number().min(0).max(1).nullable(),
  high: z.number().min(0).max(1).nullable(),
});

export const npsMetricWire = z.strictObject({
  n: z.number().int().nonnegative(),
  /** True when n is below the settings' minimum: every value below is then null. */
  hiddenBelowMinimum: z.boolean(),
  /** 9–10, 7–8, 0–6. */
  promoters: npsShareWire,
  passives: npsShareWire,
  detractors: npsShareWire,
  /** −100…100: % promoters − % detractors. */
  score: z.number().min(-100).max(100).nullable(),
  /** 100·√((p + d − (p − d)²)/n), in NPS points. */
  standardError: z.number().nonnegative().nullable(),
  /** ±1.96 standard errors, in NPS points; the interval is clipped to −100…100. */
  marginOfError: z.number().nonnegative().nullable(),
  low: z.number().min(-100).max(100).nullable(),
  high: z.number().min(-100).max(100).nullable(),
});

export const csatMetricWire = z.strictObject({
  n: z.number().int().nonnegative(),
  hiddenBelowMinimum: z.boolean(),
  /** HubSpot's 3-point CSAT: 0 unsatisfied, 1 neutral, 2 satisfied. */
  unsatisfied: npsShareWire,
  neutral: npsShareWire,
  /** CSAT % is this share (of 2s), with its Wilson interval. */
  satisfied: npsShareWire,
});

export const cesMetricWire = z.strictObject({
  n: z.number().int().nonnegative(),
  hiddenBelowMinimum: z.boolean(),
  /** HubSpot's CES buckets on 1–7: 1–3 hard, 4–5 neutral, 6–7 easy. */
  hard: npsShareWire,
  neutral: npsShareWire,
  easy: npsShareWire,
  /** The mean on 1–7. */
  mean: z.number().min(1).max(7).nullable(),
});

export const npsRowWire = z.strictObject({
  segment: targetSegmentSchema,
  periodStart: isoDayWire,
  /** Last day of the period (inclusive). */
  periodEnd: isoDayWire,
  /** e.g. 2026-11, 2026-Q4, 2026. */
  periodLabel: z.string(),
  /** False for the period that contains the report's today: more answers can still come. */
  complete: z.boolean(),
  nps: npsMetricWire,
  csat: csatMetricWire,
  ces: cesMetricWire,
});

export const surveyDueCompanyWire = z.strictObject({
  companyId: z.string(),
  name: z.string().nullable(),
  segment: z.string(),
  /** The newest answer of any survey; null when the company never answered. */
  lastAnswerAt: isoTimeWire.nullable(),
  /** Contacts with an email address, the ones a survey can reach. */
  contacts: z.number().int().nonnegative(),
});

export const maxSurveyDueShown = 200;

export const surveyDueWire = z.strictObject({
  cadence: z.enum(['quarterly', 'half-yearly']),
  /** Answers on or after this moment count as "inside the cadence". */
  answeredSince: isoTimeWire,
  /** The static contact list the survey list button fills, e.g. "Harbor survey due 2026-Q4". */
  listName: z.string(),
  customers: z.number().int().nonnegative(),
  due: z.number().int().nonnegative(),
  /** Contacts with an email of the due companies. */
  dueContacts: z.number().int().nonnegative(),
  /** The due companies, never answered first, then oldest answer first; at most maxSurveyDueShown. */
  companies: z.array(surveyDueCompanyWire).max(maxSurveyDueShown),
});

export const followUpStates = ['none', 'open', 'completed'] as const;

export const detractorAnswerWire = z.strictObject({
  answerId: z.string(),
  companyId: z.string(),
  companyName: z.string().nullable(),
  value: z.number().int().min(0).max(10),
  submittedAt: isoTimeWire,
  /** The first step of the detractor follow-up playbook started after the answer. */
  followUp: z.enum(followUpStates),
  taskDueAt: isoTimeWire.nullable(),
  completedAt: isoTimeWire.nullable(),
  /** Completed within 2 business days (Monday to Friday, UTC) of the answer. */
  inTime: z.boolean(),
});

export const maxDetractorAnswersShown = 200;

export const detractorLoopWire = z.strictObject({
  /** NPS answers 0–6 submitted in the report's window. */
  detractorAnswers: z.number().int().nonnegative(),
  withFollowUp: z.number().int().nonnegative(),
  closed: z.number().int().nonnegative(),
  /** closed / detractorAnswers; null without detractors. */
  closedLoopRate: z.number().min(0).max(1).nullable(),
  /** Days from the answer to the follow-up task's completion, over the closed ones; null when none. */
  medianDaysToClose: z.number().nonnegative().nullable(),
  closedWithinTwoBusinessDays: z.number().int().nonnegative(),
  /** Newest first, at most maxDetractorAnswersShown; the open and missing follow-ups are what to act on. */
  answers: z.array(detractorAnswerWire).max(maxDetractorAnswersShown),
});

export const npsReportWire = z.strictObject({
  portalId: z.number().int(),
  period: z.enum(reportPeriods),
  from: isoDayWire,
  to: isoDayWire,
  generatedAt: isoTimeWire,
  minimumResponses: z.number().int().positive(),
  /** Oldest period first; within a period `all` first, then the segments by name. */
  rows: z.array(npsRowWire).max(5_000),
  surveyDue: surveyDueWire,
  detractorLoop: detractorLoopWire,
});

/** What `POST /api/reports/nps/survey-list` did: the list found or created, and the contacts added. */
export const surveyListResultWire = z.strictObject({
  listId: z.string(),
  listName: z.string(),
  /** False when the list of this period existed already and was reused. */
  created: z.boolean(),
  companies: z.number().int().nonnegative(),
  contacts: z.number().int().nonnegative(),
  /** Contacts newly put on the list; the others were on it already. */
  added: z.number().int().nonnegative(),
});

export const companyAnswerWire = z.strictObject({
  kind: z.enum(['NPS', 'CSAT', 'CES']),
  value: z.number(),
  bucket: z.enum(['promoter', 'passive', 'detractor']),
  submittedAt: isoTimeWire,
  /** The comment cut to 280 characters; null without one. */
  comment: z.string().max(281).nullable(),
});

export const maxCompanyAnswers = 50;

/** The company view's `npsHistory` (the card's "NPS history"): the company's survey answers, newest first. */
export const companyAnswersWire = z.strictObject({
  companyId: z.string(),
  answers: z.array(companyAnswerWire).max(maxCompanyAnswers),
  /** All of the company's answers, of which the newest maxCompanyAnswers are listed. */
  total: z.number().int().nonnegative(),
});

export type NpsShareWire = z.infer<typeof npsShareWire>;
export type NpsMetricWire = z.infer<typeof npsMetricWire>;
export type CsatMetricWire = z.infer<typeof csatMetricWire>;
export type CesMetricWire = z.infer<typeof cesMetricWire>;
export type NpsRowWire = z.infer<typeof npsRowWire>;
export type SurveyDueWire = z.infer<typeof surveyDueWire>;
export type DetractorAnswerWire = z.infer<typeof detractorAnswerWire>;
export type DetractorLoopWire = z.infer<typeof detractorLoopWire>;
export type NpsReportWire = z.infer<typeof npsReportWire>;
export type SurveyListResultWire = z.infer<typeof surveyListResultWire>;
export type CompanyAnswerWire = z.infer<typeof companyAnswerWire>;
export type CompanyAnswersWire = z.infer<typeof companyAnswersWire>;
