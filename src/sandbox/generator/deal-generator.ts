import type { SandboxStore } from '../store/sandbox-store.ts';
import { sigmoid } from './churn-model.ts';
import type { CompanyPlan } from './company-plan.ts';
import { RENEWALS_PIPELINE, renewalStages, SALES_PIPELINE, salesStages } from './pipelines.ts';
import type { Prng } from './prng.ts';
import { insertGenerated } from './record-insert.ts';
import type { WrittenDeal } from './revenue-ledger.ts';
import { addUtcYears, DAY_MS, HOUR_MS, wireBoolean, wireDateTime, wireNumber } from './wire-values.ts';
import { expansionProducts } from './word-lists.ts';

interface DealDraft {
  name: string;
  amount: number;
  createdAt: number;
  closeAt: number;
  pipeline: string;
  stage: string;
  isNewBusiness: boolean;
  isClosed: boolean;
  isWon: boolean;
  /** Contract year a renewal closes. */
  year?: number;
}

const expansionRate = { SMB: 0.35, MID_MARKET: 0.7, ENTERPRISE: 1.2 } as const;

/**
 * The customer's deals: the new-business deal at contract start, a won renewal at each anniversary, the
 * renewal the truth row is about (won or lost when past, open when upcoming) and a few expansions, more of
 * them and more often won for healthy customers. Returns how many were written; `written`, when given, receives
 * each deal as written (the revenue ledger's source).
 */
export function generateDeals(
  plan: CompanyPlan,
  rng: Prng,
  store: SandboxStore,
  now: number,
  written?: WrittenDeal[],
): number {
  const uplift = rng.range(0, 0.08);
  const amountInYear = (year: number): number =>
    Math.round(plan.contractValue / Math.pow(1 + uplift, plan.termYears - year) / 100) * 100;
  const drafts: DealDraft[] = [
    {
      name: `${plan.name} - New business`,
      amount: amountInYear(0),
      createdAt: Math.max(plan.createdAt, plan.contractStart - rng.int(20, 90) * DAY_MS),
      closeAt: plan.contractStart + rng.int(9, 17) * HOUR_MS,
      pipeline: SALES_PIPELINE,
      stage: salesStages.won,
      isNewBusiness: true,
      isClosed: true,
      isWon: true,
    },
  ];
  for (let year = 1; year <= plan.termYears; year += 1) {
    drafts.push(renewalDraft(plan, year, amountInYear(year), rng, now));
  }
  drafts.push(...expansionDrafts(plan, rng, now));
  for (const draft of drafts) {
    const id = writeDeal(store, plan, draft, rng, now);
    written?.push({
      id,
      amount: draft.amount,
      closeAt: draft.closeAt,
      pipelineRole: draft.isNewBusiness
        ? 'new_business'
        : draft.pipeline === RENEWALS_PIPELINE
          ? 'renewal'
          : 'expansion',
      isClosed: draft.isClosed,
      isWon: draft.isWon,
      ...(draft.year === undefined ? {} : { year: draft.year }),
    });
  }
  return drafts.length;
}

function renewalDraft(plan: CompanyPlan, year: number, amount: number, rng: Prng, now: number): DealDraft {
  const anniversary = addUtcYears(plan.contractStart, year);
  const isLatest = year === plan.termYears;
  const name = `${plan.name} - Renewal ${new Date(anniversary).getUTCFullYear()}`;
  const base = { name, amount, pipeline: RENEWALS_PIPELINE, isNewBusiness: false, year };
  if (isLatest && !plan.outcomeKnown) {
    const createdAt = Math.max(
      plan.createdAt,
      Math.min(now - rng.int(1, 30) * DAY_MS, anniversary - 120 * DAY_MS),
    );
    const isNear = anniversary - now <= 90 * DAY_MS;
    return {
      ...base,
      createdAt,
      closeAt: anniversary + 12 * HOUR_MS,
      stage: isNear ? renewalStages.negotiation : renewalStages.upcoming,
      isClosed: false,
      isWon: false,
    };
  }
  const createdAt = anniversary - rng.int(80, 100) * DAY_MS;
  if (isLatest && plan.churned) {
    const closeAt = Math.min(now - HOUR_MS, anniversary + rng.int(0, 5) * DAY_MS + rng.int(9, 17) * HOUR_MS);
    return { ...base, createdAt, closeAt, stage: renewalStages.lost, isClosed: true, isWon: false };
  }
  // The renewal the truth row is about closes on its anniversary, as a lost one does, so "75 days before the
  // outcome" lands on the prediction point for renewed and churned customers alike; earlier renewals were
  // sometimes signed a few weeks early.
  const earlyDays = isLatest ? 0 : rng.int(0, 25);
  const closeAt = Math.min(now - HOUR_MS, anniversary - earlyDays * DAY_MS + rng.int(9, 17) * HOUR_MS);
  return { ...base, createdAt, closeAt, stage: renewalStages.won, isClosed: true, isWon: true };
}

function expansionDrafts(plan: CompanyPlan, rng: Prng, now: number): DealDraft[] {
  const from = Math.max(plan.contractStart + 60 * DAY_MS, now - 730 * DAY_MS);
  const to = plan.activeUntil - 10 * DAY_MS;
  if (to <= from) return [];
  const count = rng.poisson(
    expansionRate[plan.segment] * Math.exp(0.4 * plan.health) * ((to - from) / (730 * DAY_MS)),
  );
  const drafts: DealDraft[] = [];
  for (let i = 0; i < count; i += 1) {
    const createdAt = from + Math.floor(rng.float() * (to - from));
    const closeAt = createdAt + rng.int(20, 120) * DAY_MS;
    const base = {
      name: `${plan.name} - ${rng.pick(expansionProducts)}`,
      amount: Math.max(500, Math.round((plan.contractValue * rng.range(0.08, 0.35)) / 100) * 100),
      createdAt,
      pipeline: SALES_PIPELINE,
      isNewBusiness: false,
    };
    const lostWithCustomer = plan.outcomeKnown && plan.churned && closeAt > plan.renewalAt;
    if (closeAt > now && !lostWithCustomer) {
      drafts.push({
        ...base,
        closeAt,
        stage: rng.pick(salesStages.open.slice(1)),
        isClosed: false,
        isWon: false,
      });
    } else {
      const isWon = !lostWithCustomer && rng.chance(sigmoid(0.4 + 0.8 * plan.health));
      const stage = isWon ? salesStages.won : salesStages.lost;
      drafts.push({ ...base, closeAt: Math.min(closeAt, now - HOUR_MS), stage, isClosed: true, isWon });
    }
  }
  return drafts;
}

function writeDeal(store: SandboxStore, plan: CompanyPlan, draft: DealDraft, rng: Prng, now: number): string {
  const id = store.tables.deals.allocateId();
  const updatedAt = draft.isClosed
    ? Math.min(now, draft.closeAt + rng.int(0, 48) * HOUR_MS)
    : Math.max(draft.createdAt, now - rng.int(0, 20) * DAY_MS);
  insertGenerated(
    store,
    'deals',
    id,
    {
      amount: wireNumber(draft.amount),
      closedate: wireDateTime(draft.closeAt),
      createdate: wireDateTime(draft.createdAt),
      dealname: draft.name,
      dealstage: draft.stage,
      dealtype: draft.isNewBusiness ? 'newbusiness' : 'existingbusiness',
      hs_is_closed: wireBoolean(draft.isClosed),
      hs_is_closed_won: wireBoolean(draft.isWon),
      hs_lastmodifieddate: wireDateTime(updatedAt),
      hs_object_id: id,
      hubspot_owner_id: plan.ownerId,
      pipeline: draft.pipeline,
    },
    draft.createdAt,
    updatedAt,
  );
  store.associations.add('deals', id, 'companies', plan.id);
  return id;
}
