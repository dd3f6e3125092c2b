import type { SandboxStore } from '../store/sandbox-store.ts';
import type { PropertyVersion } from '../store/sandbox-types.ts';
import { invoiceStatus, type EngagementTimeline } from './company-engagement.ts';
import type { CompanyPlan } from './company-plan.ts';
import { usageHistory, type UsageTimeline } from './company-usage.ts';
import { insertGenerated } from './record-insert.ts';
import { HOUR_MS, wireDate, wireDateTime, wireNumber } from './wire-values.ts';

export interface CompanyCounts {
  contacts: number;
  deals: number;
}

/**
 * Writes the company record: firmographics, the contract, today's usage, engagement and status, with the
 * history of every value that changes. A known churner reads churned, with lifecycle stage `other` and its
 * churn date on the renewal.
 */
export function writeCompany(
  store: SandboxStore,
  plan: CompanyPlan,
  usage: UsageTimeline,
  timeline: EngagementTimeline,
  counts: CompanyCounts,
): void {
  const current = usage.points[usage.points.length - 1];
  if (current === undefined) throw new Error(`company ${plan.id} has no usage readings`);
  const engagement = timeline.current;
  const isChurner = plan.outcomeKnown && plan.churned;
  const history = { ...usageHistory(usage.points), ...timeline.history, ...statusHistory(plan) };
  let updatedAt = plan.createdAt;
  for (const versions of Object.values(history)) updatedAt = Math.max(updatedAt, versions[0]?.timestamp ?? 0);
  const created = wireDateTime(plan.createdAt);
  const properties: Record<string, string> = {
    name: plan.name,
    domain: plan.domain,
    industry: plan.industry,
    country: plan.country,
    city: plan.city,
    numberofemployees: wireNumber(plan.employees),
    annualrevenue: wireNumber(plan.annualRevenue),
    lifecyclestage: isChurner ? 'other' : 'customer',
    hubspot_owner_id: plan.ownerId,
    createdate: created,
    hs_lastmodifieddate: wireDateTime(updatedAt),
    hs_object_id: plan.id,
    notes_last_contacted: wireDateTime(engagement.lastContactedAt),
    num_contacted_notes: wireNumber(engagement.contactedNotes),
    num_associated_contacts: wireNumber(counts.contacts),
    num_associated_deals: wireNumber(counts.deals),
    customer_segment: plan.segmentLabel,
    contract_value: wireNumber(plan.contractValue),
    contract_start_date: wireDate(plan.contractStart),
    renewal_date: wireDate(plan.renewalAt),
    seats_purchased: wireNumber(plan.seats),
    active_users_30d: wireNumber(current.activeUsers),
    logins_30d: wireNumber(current.logins),
    logins_prev_30d: wireNumber(usage.loginsPrev),
    features_used: wireNumber(current.featuresUsed),
    last_login_date: wireDate(engagement.lastLoginAt),
    days_past_due: wireNumber(current.daysPastDue),
    invoice_status: invoiceStatus(current.daysPastDue, engagement.hasOpenInvoice, isChurner),
    sla_tier: plan.slaTier,
    customer_status: isChurner ? 'churned' : 'active',
  };
  if (engagement.lastMeetingAt !== undefined) {
    properties.hs_last_booked_meeting_date = wireDateTime(engagement.lastMeetingAt);
  }
  if (isChurner) properties.churn_date = wireDate(plan.renewalAt);
  insertGenerated(store, 'companies', plan.id, properties, plan.createdAt, updatedAt, history);
}

/**
 * A churner's lifecycle stage, status and churn date, changed the day the renewal was lost. Everyone else's
 * never changed (a customer, active, since the record was made), which needs no recorded history.
 */
function statusHistory(plan: CompanyPlan): Record<string, PropertyVersion[]> {
  if (!(plan.outcomeKnown && plan.churned)) return {};
  // The CSM records the lost renewal on the renewal day.
  const churnedAt = plan.renewalAt + 10 * HOUR_MS;
  const version = (value: string, timestamp: number): PropertyVersion => ({
    value,
    timestamp,
    sourceType: 'CRM_UI',
  });
  return {
    lifecyclestage: [version('other', churnedAt), version('customer', plan.createdAt)],
    customer_status: [version('churned', churnedAt), version('active', plan.createdAt)],
    churn_date: [version(wireDate(plan.renewalAt), churnedAt)],
  };
}
