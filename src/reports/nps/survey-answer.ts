/** The three surveys HubSpot's feedback submissions carry that Harbor reports on (custom surveys are left out). */
export const surveyKinds = ['NPS', 'CSAT', 'CES'] as const;
export type SurveyKind = (typeof surveyKinds)[number];

export type AnswerBucket = 'promoter' | 'passive' | 'detractor';

/** One survey answer as the NPS report reads it: already on its survey's scale (checked when loaded). */
export interface SurveyAnswer {
  id: string;
  companyId: string;
  /** The company's segment in its current health score; `unsegmented` when it has none. */
  segment: string;
  kind: SurveyKind;
  value: number;
  /** Epoch ms. */
  submittedAt: number;
  comment: string | null;
}
