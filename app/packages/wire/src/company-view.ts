import { z } from 'zod';

import { componentIdWire, healthScoreWire, isoTimeWire, tierWire } from './health-score.ts';
import { planSummaryWire } from './action-plans.ts';
import { companyAnswersWire } from './nps-report.ts';
import { handoffsBlockWire } from './handoffs.ts';
import { playbookRunWire } from './playbooks.ts';
import { signalTypes, signalWire } from './signals.ts';
import { usageSeriesWire } from './usage-ingest.ts';

/**
 * Everything the company record's health tab shows, in one answer of `GET /api/views/company/:companyId`:
 * the company, its score (or why there is none), 90 days of daily snapshots, the survey summary, the model
 * behind the score, and the portal's last finished sync. The sidebar card reads the same answer.
 */

/** A calendar day, YYYY-MM-DD (snapshot days are UTC days; a renewal date is the day HubSpot stores). */
export const isoDayWire = z.iso.date();

/**
 * Why a company has no score: `not_synced` (the portal has no finished sync yet), `not_scored` (synced, but
 * no scoring has reached the company yet), `no_data` (scored, but none of its components had any data).
 */
export const noScoreReasons = ['not_synced', 'not_scored', 'no_data'] as const;
export const noScoreReasonWire = z.enum(noScoreReasons);

/**
 * Why a component was dropped from the score: none of its properties is mapped, the mapped properties are
 * empty on this company, no survey answer in the window, or no ticket to judge support by.
 */
export const dataGapReasons = ['not_mapped', 'no_values', 'no_answers', 'no_tickets'] as const;
export const dataGapReasonWire = z.enum(dataGapReasons);

export const surveyKinds = ['NPS', 'CSAT', 'CES', 'CUSTOM'] as const;
export const surveyKindWire = z.enum(surveyKinds);

/** Comments are cut to this many characters, which keeps the answer small whatever customers write. */
export const maxCommentLength = 1_000;
/** Today and the 90 days before it. */
export const maxHistoryPoints = 91;

export const companyFactsWire = z.strictObject({
  id: z.string(),
  /** Null when the company is not in Harbor's copy of the CRM yet (created after the last sync). */
  name: z.string().nullable(),
  domain: z.string().nullable(),
  owner: z
    .strictObject({ id: z.string(), name: z.string().nullable(), email: z.string().nullable() })
    .nullable(),
  /** The model's segment the company falls into (the score's, or the one the model would pick). */
  segment: z.string(),
  /** `currency` is an ISO 4217 code, or null when the portal's data does not say. */
  contractValue: z.strictObject({ amount: z.number(), currency: z.string().nullable() }).nullable(),
  renewalDate: isoDayWire.nullable(),
});

export const historyPointWire = z.strictObject({
  day: isoDayWire,
  score: z.number(),
  tier: tierWire.nullable(),
});

export const feedbackSummaryWire = z.strictObject({
  /** Answers older than this many days are left out (the model's sentiment window, as scoring does). */
  windowDays: z.number().int(),
  nps: z.strictObject({
    /** −100 to 100: % promoters (9–10) − % detractors (0–6); null without answers. */
    score: z.number().nullable(),
    promoters: z.number().int(),
    passives: z.number().int(),
    detractors: z.number().int(),
    responses: z.number().int(),
  }),
  /** HubSpot's 3-point CSAT: 0 unhappy, 1 neutral, 2 happy; the average on that scale. */
  csat: z.strictObject({
    average: z.number().nullable(),
    responses: z.number().int(),
    scaleMin: z.literal(0),
    scaleMax: z.literal(2),
  }),
  /** Customer effort, 1 (very hard) to 7 (very easy). */
  ces: z.strictObject({
    average: z.number().nullable(),
    responses: z.number().int(),
    scaleMin: z.literal(1),
    scaleMax: z.literal(7),
  }),
  latestComment: z
    .strictObject({
      kind: surveyKindWire,
      text: z.string().max(maxCommentLength),
      /** The answer given with the comment (0–10 for NPS, …); null when the survey had none. */
      value: z.number().nullable(),
      submittedAt: isoTimeWire,
    })
    .nullable(),
});

export const modelExplanationWire = z.strictObject({
  modelVersion: z.number().int(),
  segment: z.string(),
  /** Each component's share of the score (0–1, summing to 1) and its indicators' shares within it. */
  components: z.array(
    z.strictObject({
      id: componentIdWire,
      weight: z.number(),
      indicators: z.array(z.strictObject({ id: z.string(), label: z.string(), weight: z.number() })),
    }),
  ),
  /** Enter healthy at `healthy.enter`, leave it below `healthy.exit`; enter at risk below `atRisk.enter`, leave it at `atRisk.exit`. */
  tiers: z.strictObject({
    healthy: z.strictObject({ enter: z.number(), exit: z.number() }),
    atRisk: z.strictObject({ enter: z.number(), exit: z.number() }),
  }),
  /** A tier must have been held this many days before it may change. */
  minDwellDays: z.number(),
});

export const companyViewWire = z
  .strictObject({
    company: companyFactsWire,
    score: healthScoreWire.nullable(),
    /** Null exactly when `score` is there. */
    noScoreReason: noScoreReasonWire.nullable(),
    /** Components the score had to leave out, and why. */
    dataGaps: z.array(z.strictObject({ component: componentIdWire, reason: dataGapReasonWire })),
    /** Daily snapshots, oldest first, at most 91 (today and 90 days back). */
    history: z.array(historyPointWire).max(maxHistoryPoints),
    feedback: feedbackSummaryWire,
    model: modelExplanationWire,
    lastSyncAt: isoTimeWire.nullable(),
    /** The company's active signals (one per type at most), risks first, then by severity. */
    signals: z.array(signalWire).max(signalTypes.length),
    /** Running playbooks, then those ended in the last 30 days, newest first. */
    playbooks: z.array(playbookRunWire).max(10),
    /** The account's action plan; null when it is neither at risk nor expanding. */
    plan: planSummaryWire.nullable(),
    /** 90 days of the usage the product pushed (src/ingest/); null without any, absent from older servers. */
    usage: usageSeriesWire.nullable().optional(),
    /** The company's hand-offs and what the card's requests need; absent from older servers. */
    handoffs: handoffsBlockWire.optional(),
    /** The company's NPS, CSAT and CES answers, newest first (the card's NPS history); absent from older servers. */
    npsHistory: companyAnswersWire.optional(),
    generatedAt: isoTimeWire,
  })
  .refine((view) => (view.score === null) !== (view.noScoreReason === null), {
    message: 'a view has either a score or a reason why there is none',
    path: ['noScoreReason'],
  });

export type NoScoreReason = z.infer<typeof noScoreReasonWire>;
export type DataGapReason = z.infer<typeof dataGapReasonWire>;
export type SurveyKind = z.infer<typeof surveyKindWire>;
export type CompanyFactsWire = z.infer<typeof companyFactsWire>;
export type HistoryPointWire = z.infer<typeof historyPointWire>;
export type FeedbackSummaryWire = z.infer<typeof feedbackSummaryWire>;
export type ModelExplanationWire = z.infer<typeof modelExplanationWire>;
export type CompanyViewWire = z.infer<typeof companyViewWire>;
