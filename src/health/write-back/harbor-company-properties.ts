import type { PropertyCreateInput } from '../../hubspot/properties.ts';
import type { Tier } from '../model/health-model-schema.ts';

/** The company property group every Harbor health property lives in. */
export const harborPropertyGroup = { name: 'harbor_health', label: 'Harbor health' } as const;

/** HubSpot internal names of the properties Harbor writes on companies. */
export const harborProperty = {
  score: 'harbor_health_score',
  tier: 'harbor_health_tier',
  trend30d: 'harbor_health_trend_30d',
  topDriver: 'harbor_health_top_driver',
  confidence: 'harbor_health_confidence',
  computedAt: 'harbor_health_computed_at',
  modelVersion: 'harbor_health_model_version',
} as const;

export type HarborPropertyName = (typeof harborProperty)[keyof typeof harborProperty];

export const harborPropertyNames: readonly HarborPropertyName[] = Object.values(harborProperty);

export const tierLabels: Readonly<Record<Tier, string>> = {
  healthy: 'Healthy',
  watch: 'Watch',
  at_risk: 'At risk',
};

const groupName = harborPropertyGroup.name;

/**
 * The definitions created in each portal. Harbor owns the values: an edit made in HubSpot is replaced the next
 * time Harbor's own value changes. formField false keeps them off forms: customers never fill them in.
 */
export const harborCompanyProperties: readonly (PropertyCreateInput & { name: HarborPropertyName })[] = [
  {
    name: harborProperty.score,
    label: 'Health score',
    type: 'number',
    fieldType: 'number',
    groupName,
    displayOrder: 1,
    formField: false,
    description:
      'Harbor health score, 0–100 (higher is healthier), from usage, support, payment, engagement and ' +
      'survey data weighted for the company’s segment. The Harbor card on the record shows the breakdown. ' +
      'Empty when Harbor has no data to score the company.',
  },
  {
    name: harborProperty.tier,
    label: 'Health tier',
    type: 'enumeration',
    fieldType: 'select',
    groupName,
    displayOrder: 2,
    formField: false,
    options: (['healthy', 'watch', 'at_risk'] as const).map((tier, index) => ({
      label: tierLabels[tier],
      value: tier,
      displayOrder: index,
      hidden: false,
    })),
    description:
      'Healthy, Watch or At risk. A company changes tier only once its score has crossed the boundary by a ' +
      'margin and stayed there for the minimum time set in Harbor, so the tier does not flip back and forth.',
  },
  {
    name: harborProperty.trend30d,
    label: 'Health trend (30 days)',
    type: 'number',
    fieldType: 'number',
    groupName,
    displayOrder: 3,
    formField: false,
    description:
      'Change of the health score in points since about 30 days ago: negative means the customer got less ' +
      'healthy. Empty until Harbor has a score from then.',
  },
  {
    name: harborProperty.topDriver,
    label: 'Health top driver',
    type: 'string',
    fieldType: 'text',
    groupName,
    displayOrder: 4,
    formField: false,
    description:
      'The signal costing the most health score points right now, with its value and the points it costs, ' +
      'e.g. “Seat utilisation 31% (−12 pts)”. Start here when planning what to do for this customer.',
  },
  {
    name: harborProperty.confidence,
    label: 'Health confidence',
    type: 'number',
    fieldType: 'number',
    groupName,
    displayOrder: 5,
    formField: false,
    description:
      'How much of the health model had data for this company, 0–100. A low value means the score rests on ' +
      'few signals: map more properties or collect survey answers to firm it up.',
  },
  {
    name: harborProperty.computedAt,
    label: 'Health last changed',
    type: 'datetime',
    fieldType: 'date',
    groupName,
    displayOrder: 6,
    formField: false,
    // Harbor rescores daily but writes only values that changed; refreshing this time on every run would
    // rewrite every company every day (API calls, record history, last-modified dates, workflow triggers).
    description:
      'When Harbor last changed any of the health values above. Harbor checks every company daily but writes ' +
      'only when a value changes, so this is the time of the last change, not of the last check.',
  },
  {
    name: harborProperty.modelVersion,
    label: 'Health model version',
    type: 'number',
    fieldType: 'number',
    groupName,
    displayOrder: 7,
    formField: false,
    description:
      'Version of the Harbor health model behind the score. It goes up when an admin changes weights or ' +
      'thresholds or applies a calibration, so scores from different versions can be told apart in reports.',
  },
];
