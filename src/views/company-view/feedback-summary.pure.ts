import { maxCommentLength, type FeedbackSummaryWire, type SurveyKind } from '@harbor/wire';

import { DAY_MS, readNumber, readTime, roundTo } from '../../health/engine/property-values.pure.ts';

/** One stored survey answer as the repository reads it (HubSpot's property strings). */
export interface FeedbackAnswer {
  type: string | null;
  value: string | null;
  content: string | null;
  submitted: string | null;
}

interface Answer {
  kind: SurveyKind;
  value: number | null;
  content: string;
  submittedAt: number;
}

const scales = { NPS: [0, 10], CSAT: [0, 2], CES: [1, 7] } as const;

function kindOf(type: string | null): SurveyKind {
  const upper = type?.trim().toUpperCase();
  return upper === 'NPS' || upper === 'CSAT' || upper === 'CES' ? upper : 'CUSTOM';
}

/** At most maxCommentLength UTF-16 units (the wire's limit), never ending in half a surrogate pair. */
function cutComment(text: string): string {
  if (text.length <= maxCommentLength) return text;
  const cut = text.slice(0, maxCommentLength);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

function average(values: readonly number[]): number | null {
  return values.length === 0 ? null : roundTo(values.reduce((sum, v) => sum + v, 0) / values.length, 2);
}

/**
 * NPS, CSAT and CES of the company's answers within the model's sentiment window (the answers scoring reads,
 * with the same valid ranges), and its newest comment of any age. Plain means here, not scoring's
 * recency weighting: a CSM compares them with the survey tool's own numbers.
 */
export function summariseFeedback(
  rows: readonly FeedbackAnswer[],
  windowDays: number,
  now: Date,
): FeedbackSummaryWire {
  const answers = rows.flatMap((row): Answer[] => {
    const submittedAt = readTime(row.submitted);
    if (submittedAt === null) return [];
    return [
      {
        kind: kindOf(row.type),
        value: readNumber(row.value),
        content: row.content?.trim() ?? '',
        submittedAt,
      },
    ];
  });
  const oldest = now.getTime() - windowDays * DAY_MS;
  const inWindow = (kind: keyof typeof scales): number[] => {
    const [min, max] = scales[kind];
    return answers.flatMap((answer) =>
      answer.kind === kind &&
      answer.value !== null &&
      answer.value >= min &&
      answer.value <= max &&
      answer.submittedAt >= oldest &&
      answer.submittedAt <= now.getTime()
        ? [answer.value]
        : [],
    );
  };

  const nps = inWindow('NPS');
  const promoters = nps.filter((value) => value >= 9).length;
  const detractors = nps.filter((value) => value <= 6).length;
  const csat = inWindow('CSAT');
  const ces = inWindow('CES');

  const commented = answers
    .filter((answer) => answer.content !== '' && answer.submittedAt <= now.getTime())
    .sort((a, b) => b.submittedAt - a.submittedAt)[0];

  return {
    windowDays,
    nps: {
      score: nps.length === 0 ? null : Math.round((100 * (promoters - detractors)) / nps.length),
      promoters,
      passives: nps.length - promoters - detractors,
      detractors,
      responses: nps.length,
    },
    csat: { average: average(csat), responses: csat.length, scaleMin: 0, scaleMax: 2 },
    ces: { average: average(ces), responses: ces.length, scaleMin: 1, scaleMax: 7 },
    latestComment:
      commented === undefined
        ? null
        : {
            kind: commented.kind,
            text: cutComment(commented.content),
            value: commented.value,
            submittedAt: new Date(commented.submittedAt).toISOString(),
          },
  };
}
