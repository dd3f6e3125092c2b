import type { HealthModel } from '@harbor/wire';

/** Plain functions over the draft's support, payment and survey settings (what the indicators read). */

export function setSupport(model: HealthModel, change: Partial<HealthModel['support']>): HealthModel {
  return { ...model, support: { ...model.support, ...change } };
}

export function setSentiment(model: HealthModel, change: Partial<HealthModel['sentiment']>): HealthModel {
  return { ...model, sentiment: { ...model.sentiment, ...change } };
}

/** Sets one entry of a table, keeping its place; undefined takes it out. */
function setEntry<Value>(
  table: Readonly<Record<string, Value>>,
  key: string,
  value: Value | undefined,
): Record<string, Value> {
  if (value === undefined) return Object.fromEntries(Object.entries(table).filter(([at]) => at !== key));
  return { ...table, [key]: value };
}

/** Hours to close a priority (the SLA); undefined takes the priority out, so it uses `default`. */
export function setSlaHours(model: HealthModel, priority: string, hours: number | undefined): HealthModel {
  return setSupport(model, { slaHours: setEntry(model.support.slaHours, priority, hours) });
}

/** Points for one invoice-status value; undefined takes it out (it then counts as unknown). */
export function setInvoiceStatusPoints(
  model: HealthModel,
  value: string,
  points: number | undefined,
): HealthModel {
  return {
    ...model,
    payment: { invoiceStatusPoints: setEntry(model.payment.invoiceStatusPoints, value, points) },
  };
}

/** The slaHours key for tickets whose priority has no entry of its own. */
export const otherPriorities = 'default';

/** HubSpot's ticket priorities out of the box (hs_ticket_priority), most pressing first. */
export const hubspotPriorities = ['URGENT', 'HIGH', 'MEDIUM', 'LOW'] as const;

/** The priorities to offer: HubSpot's own plus any the model already names (a portal may add its own). */
export function knownPriorities(model: HealthModel): string[] {
  const named = [...Object.keys(model.support.slaHours), ...model.support.urgentPriorities].filter(
    (priority) => priority !== otherPriorities,
  );
  return [...new Set<string>([...hubspotPriorities, ...named])];
}
