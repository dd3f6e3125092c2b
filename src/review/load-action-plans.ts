import type { ActionPlanWire, PlanSummaryWire } from '@harbor/wire';
import type { Kysely } from 'kysely';

import { toPlaybookRunWire } from '../playbooks/playbook-wire.ts';
import { toSignalWire } from '../signals/signal-wire.ts';
import type { Database } from '../store/database-schema.ts';
import {
  latestPersonSignalEvents,
  latestPlanReviews,
  listPlanTasks,
  loadPlanCompanies,
  type PlanCompanyRow,
} from '../store/repositories/action-plans-repository.ts';
import { listCompanyRuns, tasksOfRuns } from '../store/repositories/playbook-runs-repository.ts';
import { listActiveSignals } from '../store/repositories/signals-repository.ts';
import { buildActionPlan, buildPlanSummary, type PlanFacts } from './action-plans.pure.ts';

const nameMaxLength = 200;

function ownerName(row: PlanCompanyRow): string | null {
  const full = [row.ownerFirstName, row.ownerLastName]
    .map((part) => part?.trim() ?? '')
    .filter((part) => part !== '')
    .join(' ');
  const name = full === '' ? (row.ownerEmail?.trim() ?? '') : full;
  return name === '' ? null : name.slice(0, nameMaxLength);
}

function companyName(row: PlanCompanyRow): string | null {
  const name = row.name?.trim() ?? '';
  return name === '' ? null : name.slice(0, nameMaxLength);
}

/** Reads what the plans of these companies are drawn from, in a handful of queries whatever their number. */
export async function loadPlanFacts(
  db: Kysely<Database>,
  portalId: number,
  companyIds: readonly string[],
  now: Date,
): Promise<PlanFacts[]> {
  if (companyIds.length === 0) return [];
  const [companies, signals, runs, reviews, personEvents, tasks] = await Promise.all([
    loadPlanCompanies(db, portalId, companyIds),
    listActiveSignals(db, portalId, companyIds),
    // Only running runs belong to a plan: nothing ended at or after `now` yet.
    listCompanyRuns(db, portalId, companyIds, now),
    latestPlanReviews(db, portalId, companyIds),
    latestPersonSignalEvents(db, portalId, companyIds),
    listPlanTasks(db, portalId, companyIds),
  ]);
  const running = runs.filter((run) => run.status === 'running');
  const runTasks = await tasksOfRuns(db, portalId, running);
  const at = now.getTime();
  const time = (value: Date | undefined): number | null => value?.getTime() ?? null;
  return companies.map((company): PlanFacts => ({
    companyId: company.companyId,
    companyName: companyName(company),
    ownerId: company.ownerId,
    ownerName: ownerName(company),
    tier: company.tier,
    score: company.score,
    tierSince: company.tierSince?.getTime() ?? null,
    signals: signals
      .filter((signal) => signal.companyId === company.companyId)
      .map((signal) => toSignalWire(signal, at)),
    playbooks: running
      .filter((run) => run.companyId === company.companyId)
      .map((run) => toPlaybookRunWire(run, runTasks)),
    openTasks: tasks.open
      .filter((task) => task.companyId === company.companyId)
      .map((task) => ({
        title: task.subject,
        dueAt: task.dueAt.getTime(),
        hubspotTaskId: task.hubspotTaskId,
      })),
    lastReviewedAt: time(reviews.get(company.companyId)),
    lastStepCompletedAt: time(tasks.lastCompletedAt.get(company.companyId)),
    lastPersonEventAt: time(personEvents.get(company.companyId)),
  }));
}

/** The action plans of these companies (those that need none are left out). */
export async function loadActionPlans(
  db: Kysely<Database>,
  portalId: number,
  companyIds: readonly string[],
  now: Date,
): Promise<ActionPlanWire[]> {
  const facts = await loadPlanFacts(db, portalId, companyIds, now);
  return facts
    .map((fact) => buildActionPlan(fact, now.getTime()))
    .filter((plan): plan is ActionPlanWire => plan !== null);
}

/**
 * The card's plan summaries: one per company that has a plan (the company view shows null for the rest).
 * Companies of another portal are simply absent: every read is by (portal, company).
 */
export async function loadPlanSummaries(
  db: Kysely<Database>,
  portalId: number,
  companyIds: readonly string[],
  now: Date,
): Promise<Map<string, PlanSummaryWire>> {
  const facts = await loadPlanFacts(db, portalId, companyIds, now);
  const summaries = new Map<string, PlanSummaryWire>();
  for (const fact of facts) {
    const summary = buildPlanSummary(fact, now.getTime());
    if (summary !== null) summaries.set(fact.companyId, summary);
  }
  return summaries;
}

/** What the company view has already read, so its plan costs only the reads it adds. */
export interface LoadedCompanyParts {
  companyId: string;
  tier: PlanFacts['tier'];
  score: number | null;
  tierSince: number | null;
  signals: PlanFacts['signals'];
  playbooks: PlanFacts['playbooks'];
}

/** One company's plan summary for the card, from the parts the view loaded plus its reviews, events and tasks. */
export async function loadCompanyPlanSummary(
  db: Kysely<Database>,
  portalId: number,
  loaded: LoadedCompanyParts,
  now: Date,
): Promise<PlanSummaryWire | null> {
  const ids = [loaded.companyId];
  const [reviews, personEvents, tasks] = await Promise.all([
    latestPlanReviews(db, portalId, ids),
    latestPersonSignalEvents(db, portalId, ids),
    listPlanTasks(db, portalId, ids),
  ]);
  return buildPlanSummary(
    {
      ...loaded,
      companyName: null,
      ownerId: null,
      ownerName: null,
      playbooks: loaded.playbooks.filter((run) => run.status === 'running'),
      openTasks: tasks.open.map((task) => ({
        title: task.subject,
        dueAt: task.dueAt.getTime(),
        hubspotTaskId: task.hubspotTaskId,
      })),
      lastReviewedAt: reviews.get(loaded.companyId)?.getTime() ?? null,
      lastStepCompletedAt: tasks.lastCompletedAt.get(loaded.companyId)?.getTime() ?? null,
      lastPersonEventAt: personEvents.get(loaded.companyId)?.getTime() ?? null,
    },
    now.getTime(),
  );
}
