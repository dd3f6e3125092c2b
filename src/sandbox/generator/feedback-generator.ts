import type { SandboxStore } from '../store/sandbox-store.ts';
import type { CompanyPlan } from './company-plan.ts';
import type { GeneratedContact } from './contact-generator.ts';
import type { Prng } from './prng.ts';
import { insertGenerated } from './record-insert.ts';
import { surveyComments, type Sentiment } from './text-templates.ts';
import { DAY_MS, wireDateTime, wireNumber } from './wire-values.ts';

export type SurveyType = 'NPS' | 'CSAT' | 'CES';
export type ResponseGroup = 'PROMOTER' | 'PASSIVE' | 'DETRACTOR';

const surveys: Record<SurveyType, readonly [id: string, name: string]> = {
  NPS: ['101', 'Quarterly NPS survey'],
  CSAT: ['102', 'Support satisfaction (CSAT)'],
  CES: ['103', 'Customer effort survey (CES)'],
};
const surveyTypes: readonly SurveyType[] = ['NPS', 'CSAT', 'CES'];
const responsesPerYear = { SMB: 1.5, MID_MARKET: 3, ENTERPRISE: 6 } as const;
const sentimentOf: Record<ResponseGroup, Sentiment> = {
  PROMOTER: 'POSITIVE',
  PASSIVE: 'NEUTRAL',
  DETRACTOR: 'NEGATIVE',
};
const YEAR_MS = 365 * DAY_MS;

/** Lowest promoter and lowest passive value per survey: HubSpot's NPS 9–10 / 7–8 / 0–6, CES 6–7 / 4–5 / 1–3, CSAT 2 / 1 / 0. */
const groupThresholds: Record<SurveyType, readonly [promoterFrom: number, passiveFrom: number]> = {
  NPS: [9, 7],
  CES: [6, 4],
  CSAT: [2, 1],
};

export function responseGroup(type: SurveyType, value: number): ResponseGroup {
  const [promoterFrom, passiveFrom] = groupThresholds[type];
  if (value >= promoterFrom) return 'PROMOTER';
  return value >= passiveFrom ? 'PASSIVE' : 'DETRACTOR';
}

/** One answer: the company's sentiment signal plus this respondent's own noise, on the survey's scale. */
function surveyValue(type: SurveyType, plan: CompanyPlan, rng: Prng): number {
  const { nps, csat, ces } = plan.signals;
  if (type === 'NPS') return clamp(Math.round(8 + 1.8 * nps + 1.2 * rng.normal()), 0, 10);
  if (type === 'CES') return clamp(Math.round(5.3 + 1.1 * ces + 0.9 * rng.normal()), 1, 7);
  const satisfaction = csat + 0.6 * rng.normal();
  if (satisfaction > -0.45) return 2;
  return satisfaction > -1.3 ? 1 : 0;
}

/** Survey answers from the customer's contacts over the last year; comments in the contact's language. */
export function generateFeedback(
  plan: CompanyPlan,
  contacts: readonly GeneratedContact[],
  rng: Prng,
  store: SandboxStore,
  now: number,
): number {
  const from = Math.min(now - YEAR_MS, plan.predictionAt - 60 * DAY_MS);
  const to = plan.activeUntil;
  const count = rng.poisson((responsesPerYear[plan.segment] * (to - from)) / YEAR_MS);
  for (let i = 0; i < count; i += 1) {
    const id = store.tables.feedback_submissions.allocateId();
    const contact = rng.pick(contacts);
    const type = rng.weightedPick(surveyTypes, [0.5, 0.3, 0.2]);
    const [surveyId, surveyName] = surveys[type];
    const value = surveyValue(type, plan, rng);
    const group = responseGroup(type, value);
    const sentiment = sentimentOf[group];
    const submittedAt = from + Math.floor(rng.float() * (to - from));
    const createdAt = Math.min(now, submittedAt + rng.int(1_000, 120_000));
    const created = wireDateTime(createdAt);
    const properties: Record<string, string> = {
      hs_contact_id: contact.id,
      hs_createdate: created,
      hs_lastmodifieddate: created,
      hs_object_id: id,
      hs_response_group: group,
      hs_sentiment: sentiment,
      hs_submission_timestamp: wireDateTime(submittedAt),
      hs_survey_channel: rng.chance(0.85) ? 'EMAIL' : 'WEB',
      hs_survey_id: surveyId,
      hs_survey_name: surveyName,
      hs_survey_type: type,
      hs_value: wireNumber(value),
    };
    // Detractors explain themselves more often than promoters.
    if (rng.chance(group === 'DETRACTOR' ? 0.75 : 0.5)) {
      properties.hs_content = rng.pick(surveyComments[sentiment][contact.locale]);
    }
    insertGenerated(store, 'feedback_submissions', id, properties, createdAt, createdAt);
    store.associations.add('feedback_submissions', id, 'contacts', contact.id);
  }
  return count;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
