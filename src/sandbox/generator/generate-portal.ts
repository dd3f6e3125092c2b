import { SandboxStore } from '../store/sandbox-store.ts';
import { modelInput, signalNames, type Segment } from './churn-model.ts';
import { buildEngagement, buildEngagementHistory } from './company-engagement.ts';
import { writeCompany } from './company-generator.ts';
import { CompanyNamer } from './company-names.ts';
import { planCompany, type CompanyPlan } from './company-plan.ts';
import { buildUsageTimeline } from './company-usage.ts';
import { generateContacts } from './contact-generator.ts';
import { generateDeals } from './deal-generator.ts';
import { generateFeedback } from './feedback-generator.ts';
import { generateOwners, ownerCount } from './owners.ts';
import { portalPipelines } from './pipelines.ts';
import { Prng } from './prng.ts';
import { registerPropertyDefinitions } from './property-definitions.ts';
import { ledgerEntry, type RevenueLedgerEntry, type WrittenDeal } from './revenue-ledger.ts';
import { generateTickets } from './ticket-generator.ts';
import { DAY_MS, startOfUtcDay, wireDate } from './wire-values.ts';

export interface GeneratePortalOptions {
  companies: number;
  seed: number;
  /** Epoch ms: the portal's "today". */
  now: number;
  /** Default 9_000_001. */
  portalId?: number;
}

export interface GroundTruthRow {
  companyId: string;
  segment: Segment;
  /** ISO date. */
  renewalDate: string;
  /** The renewal already happened (visible in HubSpot data). */
  outcomeKnown: boolean;
  churned: boolean;
  churnProbability: number;
  /** The standardized signal values and the noise the model used (plus the latent health behind them). */
  drivers: Record<string, number>;
}

export interface GeneratedPortal {
  store: SandboxStore;
  truth: GroundTruthRow[];
  /** Per company, the revenue events its deals record (revenue-ledger.ts), in company order. */
  ledger: RevenueLedgerEntry[];
  /** Total CRM records created. */
  records: number;
}

export const DEFAULT_PORTAL_ID = 9_000_001;

/** One independent random stream per company and per kind of record, so each part can change alone. */
const streams = {
  owners: 1,
  plan: 2,
  contacts: 3,
  deals: 4,
  tickets: 5,
  feedback: 6,
  company: 7,
  history: 8,
} as const;

/**
 * Builds a whole portal in memory: property definitions, pipelines, owners, and per company its contacts,
 * deals, tickets and survey answers, with churn following the hidden model in churn-model.ts. Deterministic:
 * the same options give the same data byte for byte, and company i's customer and outcome are the same
 * whatever the portal's size (only its owner differs, since the team grows with the book).
 */
export function generatePortal(options: GeneratePortalOptions): GeneratedPortal {
  const { companies, seed, now } = options;
  if (!Number.isSafeInteger(companies) || companies < 0)
    throw new RangeError('companies must be a whole number ≥ 0');
  if (!Number.isSafeInteger(seed)) throw new RangeError('seed must be a safe integer');
  if (!Number.isFinite(now)) throw new RangeError('now must be epoch milliseconds');
  const store = new SandboxStore(options.portalId ?? DEFAULT_PORTAL_ID);
  const portalCreatedAt = startOfUtcDay(now) - 7 * 365 * DAY_MS;
  registerPropertyDefinitions(store, portalCreatedAt, portalCreatedAt + 200 * DAY_MS);
  const pipelines = portalPipelines(portalCreatedAt);
  store.pipelines.deals.push(...pipelines.deals);
  store.pipelines.tickets.push(...pipelines.tickets);
  store.owners.push(...generateOwners(ownerCount(companies), new Prng(seed, streams.owners), now));
  const ownerIds = store.owners.map((owner) => owner.id);
  const namer = new CompanyNamer();
  const truth: GroundTruthRow[] = [];
  const ledger: RevenueLedgerEntry[] = [];
  let records = 0;
  for (let index = 0; index < companies; index += 1) {
    const id = store.tables.companies.allocateId();
    const plan = planCompany(new Prng(seed, index, streams.plan), { id, now, ownerIds, namer });
    const contacts = generateContacts(plan, new Prng(seed, index, streams.contacts), store, now);
    const written: WrittenDeal[] = [];
    const deals = generateDeals(plan, new Prng(seed, index, streams.deals), store, now, written);
    const tickets = generateTickets(plan, contacts, new Prng(seed, index, streams.tickets), store, now);
    const feedback = generateFeedback(plan, contacts, new Prng(seed, index, streams.feedback), store, now);
    const companyRng = new Prng(seed, index, streams.company);
    const usage = buildUsageTimeline(plan, companyRng, now);
    const today = buildEngagement(plan, companyRng, now);
    const historyRng = new Prng(seed, index, streams.history);
    const engagement = buildEngagementHistory(plan, usage, today, historyRng, now);
    writeCompany(store, plan, usage, engagement, { contacts: contacts.length, deals });
    truth.push(truthRow(plan));
    ledger.push(ledgerEntry(plan, written));
    records += 1 + contacts.length + deals + tickets + feedback;
  }
  return { store, truth, ledger, records };
}

function truthRow(plan: CompanyPlan): GroundTruthRow {
  const drivers: Record<string, number> = {};
  for (const name of signalNames) drivers[name] = round(modelInput(name, plan.signals[name]), 4);
  drivers.noise = round(plan.noise, 4);
  drivers.latent_health = round(plan.health, 4);
  return {
    companyId: plan.id,
    segment: plan.segment,
    renewalDate: wireDate(plan.renewalAt),
    outcomeKnown: plan.outcomeKnown,
    churned: plan.churned,
    churnProbability: round(plan.churnProbability, 6),
    drivers,
  };
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
