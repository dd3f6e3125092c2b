import { componentIds } from '@harbor/wire';

import type { ExportColumn } from '../export-columns.ts';
import { viewDataset } from './view-dataset.ts';

const componentLabels: Readonly<Record<(typeof componentIds)[number], string>> = {
  usage: 'usage',
  support: 'support',
  payment: 'payment',
  engagement: 'engagement',
  sentiment: 'sentiment (surveys)',
  custom: 'custom indicators',
};

const portalColumn: ExportColumn = {
  name: 'portal_id',
  type: 'bigint',
  meaning: 'HubSpot portal (account) id',
};
const companyColumn: ExportColumn = { name: 'company_id', type: 'text', meaning: 'HubSpot company id' };

const componentColumns: ExportColumn[] = componentIds.flatMap((id): ExportColumn[] => [
  {
    name: `${id}_score`,
    type: 'number',
    meaning: `score of the ${componentLabels[id]} component, 0–100; empty when it had no data`,
  },
  {
    name: `${id}_weight`,
    type: 'number',
    meaning: `share of the total weight the ${componentLabels[id]} component carried, 0–1 (0 when dropped)`,
  },
  {
    name: `${id}_contribution`,
    type: 'number',
    meaning: `score points the ${componentLabels[id]} component added (weight × score)`,
  },
]);

export const scoresDataset = viewDataset({
  name: 'scores',
  description: 'The current health score of each company, one row per company, components flattened.',
  view: 'bi_health_scores',
  key: ['company_id'],
  columns: [
    portalColumn,
    companyColumn,
    { name: 'company_name', type: 'text', meaning: "the company's name in HubSpot, when synced" },
    { name: 'segment', type: 'text', meaning: 'segment of the health model the company was scored in' },
    { name: 'model_version', type: 'integer', meaning: 'version of the health model that scored it' },
    { name: 'score', type: 'number', meaning: 'health score 0–100; empty when no component had data' },
    { name: 'tier', type: 'text', meaning: 'healthy, watch or at_risk; empty without a score' },
    { name: 'tier_since', type: 'timestamp', meaning: 'when the company entered its current tier' },
    {
      name: 'pending_tier',
      type: 'text',
      meaning: 'a tier the score points to but has not held long enough to switch (hysteresis)',
    },
    { name: 'confidence', type: 'number', meaning: 'share of the model weight that had data, 0–1' },
    {
      name: 'churn_probability',
      type: 'number',
      meaning: "probability of churn at the next renewal from the segment's probability map, 0–1",
    },
    { name: 'trend_d7', type: 'number', meaning: 'score change in score points over the last 7 days' },
    { name: 'trend_d30', type: 'number', meaning: 'score change in score points over the last 30 days' },
    { name: 'trend_d90', type: 'number', meaning: 'score change in score points over the last 90 days' },
    {
      name: 'top_driver_indicator',
      type: 'text',
      meaning: 'the indicator that costs the score the most points',
    },
    { name: 'top_driver_component', type: 'text', meaning: 'the component of that indicator' },
    { name: 'top_driver_points_lost', type: 'number', meaning: 'score points that indicator costs' },
    ...componentColumns,
    { name: 'computed_at', type: 'timestamp', meaning: 'when Harbor computed this score' },
  ],
});

export const snapshotsDataset = viewDataset({
  name: 'snapshots',
  description: "Daily health snapshots: one row per company and UTC day, the day's last scoring.",
  view: 'bi_health_snapshots',
  key: ['company_id', 'day'],
  columns: [
    portalColumn,
    companyColumn,
    { name: 'day', type: 'date', meaning: 'the UTC day' },
    {
      name: 'score',
      type: 'number',
      meaning: 'health score 0–100 at the end of that day; empty without data',
    },
    { name: 'tier', type: 'text', meaning: 'healthy, watch or at_risk' },
    { name: 'confidence', type: 'number', meaning: 'share of the model weight that had data, 0–1' },
    { name: 'model_version', type: 'integer', meaning: 'version of the health model that scored it' },
    ...componentIds.map((id): ExportColumn => ({
      name: `${id}_score`,
      type: 'number',
      meaning: `score of the ${componentLabels[id]} component that day, 0–100; empty without data`,
    })),
  ],
});
