import type { HealthModel } from './health-model-schema.ts';

/**
 * The HubSpot properties a model reads, per object type, so the sync fetches them (an admin who maps a new
 * usage property or adds a custom indicator gets it synced, and the sync re-reads the type in full).
 */
export function modelProperties(model: HealthModel): { companies: string[]; tickets: string[] } {
  const companies = new Set(historyProperties(model));
  const { churnFlag, churnDateProperty } = model.outcomes;
  if (churnFlag !== null) companies.add(churnFlag.property);
  if (churnDateProperty !== null) companies.add(churnDateProperty);
  const tickets = model.support.escalationProperty === null ? [] : [model.support.escalationProperty];
  return { companies: [...companies].sort(), tickets };
}

/** The properties whose history the backtest needs: every company property the score reads. */
export function historyProperties(model: HealthModel): string[] {
  const names = new Set<string>();
  for (const name of Object.values(model.properties)) if (name !== null) names.add(name);
  names.add(model.segmentation.property);
  for (const indicator of model.customIndicators) names.add(indicator.property);
  return [...names].sort();
}
