import { maxCompanyAnswers, type CompanyAnswersWire } from '@harbor/wire';

import type { SurveyAnswer } from './survey-answer.ts';
import { toSurveyAnswer } from './survey-rows.pure.ts';
import { bucketOf } from './survey-scales.pure.ts';

const excerptLength = 280;

/** A comment cut at a word near 280 characters, with an ellipsis when cut. */
export function commentExcerpt(comment: string): string {
  const text = comment.trim().replace(/\s+/g, ' ');
  if (text.length <= excerptLength) return text;
  const cut = text.slice(0, excerptLength);
  const space = cut.lastIndexOf(' ');
  return `${(space > excerptLength * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The card's "NPS history": the company's answers newest first, each with its bucket on its own scale. */
export function companyAnswers(companyId: string, answers: readonly SurveyAnswer[]): CompanyAnswersWire {
  const sorted = [...answers].sort((a, b) => b.submittedAt - a.submittedAt || a.id.localeCompare(b.id));
  return {
    companyId,
    total: sorted.length,
    answers: sorted.slice(0, maxCompanyAnswers).map((answer) => ({
      kind: answer.kind,
      value: answer.value,
      bucket: bucketOf(answer.kind, answer.value),
      submittedAt: new Date(answer.submittedAt).toISOString(),
      comment: answer.comment === null ? null : commentExcerpt(answer.comment),
    })),
  };
}

/** A survey answer as the company view reads it (src/store/repositories/company-view-repository.ts). */
export interface CompanyFeedbackInput {
  type: string | null;
  value: string | null;
  content: string | null;
  submitted: string | null;
}

/**
 * The company view's `npsHistory` from the answers it already read: custom surveys, off-scale values and
 * answers dated after `now` are left out, as in the NPS report.
 */
export function npsHistoryOf(
  companyId: string,
  feedback: readonly CompanyFeedbackInput[],
  now: number,
): CompanyAnswersWire {
  const answers = feedback.flatMap((row, index) => {
    const answer = toSurveyAnswer({
      id: String(index).padStart(6, '0'),
      company_id: companyId,
      segment: '',
      type: row.type,
      value: row.value,
      submitted: row.submitted,
      comment: row.content,
    });
    return answer === null || answer.submittedAt > now ? [] : [answer];
  });
  return companyAnswers(companyId, answers);
}
