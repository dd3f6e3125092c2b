import { z } from 'zod';

import { automationSettingsSchema } from './automations.ts';
import { healthModelSchema, type HealthModel } from './health-model.ts';
import { healthModelWire, reportCardWire } from './health-model-wire.ts';
import { componentIds, isoTimeWire, type ComponentId } from './health-score.ts';
import { builtInIndicators } from './indicators.ts';
import { playbookSettingsSchema, playbookTemplateSchema } from './playbooks.ts';
import { signalSettingsSchema } from './signal-settings.ts';
import { playbookTypes } from './signals.ts';

/**
 * What the app's settings page shows, in one answer of GET /api/views/settings: the active model, the
 * company properties to choose from, the latest calibration proposals with their report cards, the model's
 * version history and whether this user may change anything.
 */

/** Proposals the page lists (newest first); older ones are in GET /api/health/proposals. */
export const settingsProposalLimit = 10;
/** Model versions per history page. */
export const settingsHistoryLimit = 20;
/** Changes listed per version; the rest are counted. */
export const historyChangeLimit = 8;
/** Company properties listed at most (HubSpot portals have a few hundred). */
export const settingsPropertyLimit = 1000;
/** Options listed per enumeration property. */
export const settingsOptionLimit = 100;

const shortText = z.string().max(200);

export const settingsPropertyWire = z.strictObject({
  name: z.string().max(100),
  label: shortText,
  /** HubSpot's property type: string, number, date, datetime, enumeration, bool. */
  type: z.string().max(40),
  options: z.array(z.strictObject({ label: shortText, value: shortText })).max(settingsOptionLimit),
});
export type SettingsPropertyWire = z.infer<typeof settingsPropertyWire>;

export const companyPropertiesWire = z.strictObject({
  /** `unavailable`: HubSpot could not be asked just now; the page then offers the properties in use only. */
  source: z.enum(['hubspot', 'unavailable']),
  properties: z.array(settingsPropertyWire).max(settingsPropertyLimit),
  /** True when the list was cut to keep the answer small (the portal has very many properties). */
  truncated: z.boolean(),
});
export type CompanyPropertiesWire = z.infer<typeof companyPropertiesWire>;

/** Weight per component in one segment (the sums of its indicators' weights). */
export const componentWeightsWire = z.partialRecord(z.enum(componentIds), z.number());

export const settingsProposalWire = z.strictObject({
  id: z.number().int(),
  createdAt: isoTimeWire,
  createdBy: z.string(),
  /** The HubSpot user's name behind `hubspot-user:<id>`, when the portal's owners list them. */
  createdByName: z.string().max(200).nullable(),
  baseModelVersion: z.number().int(),
  status: z.enum(['proposed', 'applied', 'dismissed']),
  decidedBy: z.string().nullable(),
  decidedAt: isoTimeWire.nullable(),
  /** Null when the stored report is of an older shape: the proposal can still be dismissed. */
  report: z
    .strictObject({
      leadDays: z.number(),
      outcomes: z.number().int(),
      cases: z.number().int(),
      heldOutCases: z.number().int(),
      current: reportCardWire,
      proposed: reportCardWire,
      /** Proposed component weights per segment. */
      weights: z.record(z.string(), componentWeightsWire),
      recommendation: z.strictObject({ apply: z.boolean(), reason: z.string().max(1000) }),
    })
    .nullable(),
});
export type SettingsProposalWire = z.infer<typeof settingsProposalWire>;

export const modelChangeWire = z.strictObject({
  /** Where in the model, e.g. `segments.SMB.weights.nps`. */
  path: z.string().max(300),
  /** The values before and after as short text; null when the entry was added or removed. */
  before: z.string().max(80).nullable(),
  after: z.string().max(80).nullable(),
});
export type ModelChangeWire = z.infer<typeof modelChangeWire>;

export const modelVersionWire = z.strictObject({
  version: z.number().int(),
  source: z.enum(['default', 'admin', 'calibration']),
  createdBy: z.string(),
  createdByName: z.string().max(200).nullable(),
  createdAt: isoTimeWire,
  /** What changed against the version before (empty for the first). */
  changes: z.array(modelChangeWire).max(historyChangeLimit),
  /** Changes beyond those listed. */
  moreChanges: z.number().int(),
});
export type ModelVersionWire = z.infer<typeof modelVersionWire>;

export const settingsHistoryPageWire = z.strictObject({
  versions: z.array(modelVersionWire).max(settingsHistoryLimit),
  /** Pass as `before` to GET /api/views/settings/history for older versions; null on the last page. */
  before: z.string().nullable(),
});
export type SettingsHistoryPageWire = z.infer<typeof settingsHistoryPageWire>;

export const settingsViewWire = z.strictObject({
  active: healthModelWire,
  /** Properties Harbor syncs per object type beyond its own: what the model reads plus admin additions. */
  mappedProperties: z.record(z.string().max(40), z.array(z.string().max(100)).max(200)),
  companyProperties: companyPropertiesWire,
  proposals: z.array(settingsProposalWire).max(settingsProposalLimit),
  history: settingsHistoryPageWire,
  /**
   * Whether Harbor will accept this user's changes: the signed user is one of the portal's HubSpot users.
   * The page also asks HubSpot's context for the `integrations-management-write` permission.
   */
  canEdit: z.boolean(),
});
export type SettingsViewWire = z.infer<typeof settingsViewWire>;

/**
 * The settings page's Signals, Automations and Playbooks tabs: what `PUT /api/settings/actions` takes, each
 * part checked with the schema the service applies, so the page shows every message beside its field.
 */
export const actionSettingsEditWire = z.strictObject({
  signals: signalSettingsSchema,
  playbooks: playbookSettingsSchema,
  automations: automationSettingsSchema,
});
export type ActionSettingsEditWire = z.infer<typeof actionSettingsEditWire>;

/** What `GET /api/settings/actions` answers: the parts in force and Harbor's shipped playbooks to copy from. */
export const actionSettingsViewWire = actionSettingsEditWire.extend({
  /** The portal's settings version these parts come from; null while nothing was ever saved. */
  version: z.number().int().nullable(),
  /** The shipped default of every playbook, in the task language the saved settings name. */
  defaultPlaybooks: z.strictObject(
    Object.fromEntries(playbookTypes.map((type) => [type, playbookTemplateSchema])) as Record<
      (typeof playbookTypes)[number],
      typeof playbookTemplateSchema
    >,
  ),
});
export type ActionSettingsViewWire = z.infer<typeof actionSettingsViewWire>;

export const actionSettingsSavedWire = z.strictObject({ portalId: z.number(), version: z.number().int() });

/** The component an indicator weighs in: built-ins by their table, `custom:<id>` in `custom`. */
export function componentOfIndicator(indicatorId: string): ComponentId | undefined {
  if (indicatorId.startsWith('custom:')) return 'custom';
  return (builtInIndicators as Record<string, ComponentId | undefined>)[indicatorId];
}

/** A segment's weights summed per component. */
export function componentWeights(weights: Readonly<Record<string, number>>): Record<ComponentId, number> {
  const sums = Object.fromEntries(componentIds.map((id) => [id, 0])) as Record<ComponentId, number>;
  for (const [indicator, weight] of Object.entries(weights)) {
    const component = componentOfIndicator(indicator);
    if (component !== undefined) sums[component] += weight;
  }
  return sums;
}

export const weightTotalTarget = 100;

/** Within this of 100 a total counts as 100 (weights with decimals rarely add up exactly). */
const weightTotalTolerance = 0.01;

/**
 * What the settings page saves: the API's model schema plus one rule the page adds for people. The engine
 * only needs weights' ratios, but a person reads "Usage 30" as 30 % of the score, so every segment's weights
 * must add up to 100 before a save.
 */
export const modelEditSchema = healthModelSchema.superRefine((model: HealthModel, context) => {
  for (const [name, segment] of Object.entries(model.segments)) {
    const total = Object.values(segment.weights).reduce((sum, weight) => sum + weight, 0);
    if (Math.abs(total - weightTotalTarget) > weightTotalTolerance) {
      context.addIssue({
        code: 'custom',
        path: ['segments', name, 'weights'],
        message: `the weights of segment ${name} add up to ${Math.round(total * 100) / 100}, not 100`,
        params: { rule: 'weights-total', total },
      });
    }
  }
});
