import { viewDataset } from './view-dataset.ts';

export const surveyAnswersDataset = viewDataset({
  name: 'survey_answers',
  description: 'Survey answers (HubSpot feedback submissions: NPS, CSAT, CES) with the answering company.',
  view: 'bi_survey_answers',
  key: ['answer_id'],
  columns: [
    { name: 'portal_id', type: 'bigint', meaning: 'HubSpot portal (account) id' },
    { name: 'answer_id', type: 'text', meaning: 'HubSpot feedback submission id' },
    {
      name: 'company_id',
      type: 'text',
      meaning:
        'HubSpot company id the answer is associated with (the lowest id when several); empty when none',
    },
    { name: 'contact_id', type: 'text', meaning: 'HubSpot contact id of who answered' },
    { name: 'survey_type', type: 'text', meaning: 'NPS, CSAT, CES or CUSTOM' },
    { name: 'survey_id', type: 'text', meaning: 'HubSpot survey id' },
    { name: 'survey_name', type: 'text', meaning: 'the survey name' },
    { name: 'survey_channel', type: 'text', meaning: 'EMAIL or WEB' },
    {
      name: 'value',
      type: 'number',
      meaning: "the answer on the survey's scale: NPS 0–10, CSAT 0–2 (HubSpot's 3 points), CES 1–7",
    },
    { name: 'response_group', type: 'text', meaning: 'PROMOTER, PASSIVE or DETRACTOR, as HubSpot groups it' },
    { name: 'sentiment', type: 'text', meaning: 'POSITIVE, NEUTRAL or NEGATIVE' },
    { name: 'comment', type: 'text', meaning: "the respondent's comment" },
    { name: 'submitted_at', type: 'timestamp', meaning: 'when the answer was submitted' },
    { name: 'hs_modified_at', type: 'timestamp', meaning: 'when HubSpot last changed the record' },
  ],
});
