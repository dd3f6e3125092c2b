import type { StoredAnswerRow } from '../../store/repositories/nps-repository.ts';
import { surveyKinds, type SurveyAnswer } from './survey-answer.ts';
import { isOnScale } from './survey-scales.pure.ts';

/** HubSpot sends date-times as ISO 8601 or epoch ms. */
export function parseHubSpotTime(value: string | null): number | null {
  if (value === null || value === '') return null;
  const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * A stored submission as an answer, or null when it is not one the report can use: a custom survey, no
 * submission time, or a value off its survey's scale (HubSpot's CSAT is 0–2; a 4 there is another tool's 1–5).
 */
export function toSurveyAnswer(row: StoredAnswerRow): SurveyAnswer | null {
  const kind = surveyKinds.find((candidate) => candidate === row.type);
  const submittedAt = parseHubSpotTime(row.submitted);
  const value = row.value === null || row.value.trim() === '' ? Number.NaN : Number(row.value);
  if (kind === undefined || submittedAt === null || !isOnScale(kind, value)) return null;
  return {
    id: row.id,
    companyId: row.company_id,
    segment: row.segment,
    kind,
    value,
    submittedAt,
    comment: row.comment === null || row.comment.trim() === '' ? null : row.comment,
  };
}
