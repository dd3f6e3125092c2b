export * from './action-plans.ts';
export * from './api-error.ts';
export * from './automations.ts';
export * from './company-view.ts';
export * from './health-model.ts';
// The bounded-field helpers stay inside the package; the limits themselves are part of the contract.
export {
  maxCurvePoints,
  maxCustomIndicators,
  maxRawValue,
  maxSegments,
  maxTableEntries,
  maxWeight,
  propertyNameSchema,
} from './health-model-limits.ts';
export * from './health-model-wire.ts';
export * from './health-score.ts';
export * from './home-view.ts';
export * from './indicators.ts';
export * from './open-signals.ts';
export * from './playbooks.ts';
export * from './default-playbooks.ts';
export * from './segment-model.ts';
export * from './segmentation.ts';
export * from './settings-view.ts';
export * from './signal-settings.ts';
export * from './signals.ts';
export * from './usage-ingest.ts';
export * from './workflows.ts';
export * from './report-settings.ts';
export * from './retention-report.ts';
export * from './retention-strategy.ts';
export * from './nps-report.ts';
export * from './handoffs.ts';
export * from './cohort-report.ts';
export * from './report-alerts.ts';
export * from './feedback-digest.ts';
