import {
  stalePlanDays,
  type ActionPlanWire,
  type PlanNextStepWire,
  type PlanSummaryWire,
  type PlaybookRunWire,
  type SignalWire,
  type Tier,
} from '@harbor/wire';

const DAY_MS = 86_400_000;
const maxNextSteps = 20;
const maxListed = 20;

/** A Harbor task outside playbooks that is still open for the company (a signal's task, an escalation). */
export interface OpenPlanTask {
  title: string;
  dueAt: number | null;
  hubspotTaskId: string | null;
}

/** Everything one company's plan is drawn from; times are epoch ms. */
export interface PlanFacts {
  companyId: string;
  companyName: string | null;
  ownerId: string | null;
  ownerName: string | null;
  tier: Tier | null;
  score: number | null;
  /** When the company entered its current tier. */
  tierSince: number | null;
  /** Its active signals (open, acknowledged, in progress, recovered). */
  signals: readonly SignalWire[];
  /** Its playbook runs; only the running ones belong to the plan. */
  playbooks: readonly PlaybookRunWire[];
  openTasks: readonly OpenPlanTask[];
  lastReviewedAt: number | null;
  /** The latest completion of one of the plan's tasks (a playbook step, a signal's task). */
  lastStepCompletedAt: number | null;
  /** The latest command a person sent about one of its signals. */
  lastPersonEventAt: number | null;
}

/**
 * Why an account has a plan, or null when it needs none: at risk when its tier is at risk or a risk signal
 * is active; expanding when an expansion signal is active. Risk wins: an account cannot be both.
 */
export function planKindOf(
  tier: Tier | null,
  signals: readonly SignalWire[],
): PlanSummaryWire['kind'] | null {
  if (tier === 'at_risk' || signals.some((signal) => signal.kind === 'risk')) return 'at_risk';
  if (signals.some((signal) => signal.type === 'expansion')) return 'expansion';
  return null;
}

/** When the plan began: the earliest of the at-risk tier and the signals that make the plan. */
function planStartedAt(facts: PlanFacts, kind: PlanSummaryWire['kind']): number | null {
  const starts = facts.signals
    .filter((signal) => (kind === 'at_risk' ? signal.kind === 'risk' : signal.type === 'expansion'))
    .map((signal) => Date.parse(signal.openedAt));
  if (kind === 'at_risk' && facts.tier === 'at_risk' && facts.tierSince !== null)
    starts.push(facts.tierSince);
  return starts.length === 0 ? null : Math.min(...starts);
}

const latest = (times: readonly (number | null)[]): number | null => {
  const known = times.filter((time): time is number => time !== null);
  return known.length === 0 ? null : Math.max(...known);
};

const iso = (time: number | null): string | null => (time === null ? null : new Date(time).toISOString());

/** The open tasks of running playbooks and the company's other open tasks, earliest due first (undated last). */
export function nextStepsOf(facts: PlanFacts, now: number): PlanNextStepWire[] {
  const steps: {
    title: string;
    playbookRunId: number | null;
    dueAt: number | null;
    hubspotTaskId: string | null;
  }[] = [];
  for (const run of facts.playbooks) {
    if (run.status !== 'running') continue;
    for (const step of run.steps) {
      if (step.status !== 'open') continue;
      steps.push({
        title: step.title,
        playbookRunId: run.id,
        dueAt: step.dueAt === null ? null : Date.parse(step.dueAt),
        hubspotTaskId: step.hubspotTaskId,
      });
    }
  }
  for (const task of facts.openTasks)
    steps.push({
      title: task.title,
      playbookRunId: null,
      dueAt: task.dueAt,
      hubspotTaskId: task.hubspotTaskId,
    });
  steps.sort((a, b) => (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity) || a.title.localeCompare(b.title));
  return steps.slice(0, maxNextSteps).map((step) => ({
    title: step.title,
    playbookRunId: step.playbookRunId,
    dueAt: iso(step.dueAt),
    overdue: step.dueAt !== null && step.dueAt < now,
    hubspotTaskId: step.hubspotTaskId,
  }));
}

/**
 * The plan as the card shows it, or null when the account needs none. A plan is stale when nobody touched it
 * (a review, a step done, a command on a signal) for `stalePlanDays`, or never did and it is that old.
 */
export function buildPlanSummary(facts: PlanFacts, now: number): PlanSummaryWire | null {
  const kind = planKindOf(facts.tier, facts.signals);
  if (kind === null) return null;
  const lastUpdatedAt = latest([facts.lastReviewedAt, facts.lastStepCompletedAt, facts.lastPersonEventAt]);
  const staleBefore = now - stalePlanDays * DAY_MS;
  const startedAt = planStartedAt(facts, kind);
  const stale =
    lastUpdatedAt === null ? startedAt !== null && startedAt < staleBefore : lastUpdatedAt < staleBefore;
  return {
    kind,
    nextSteps: nextStepsOf(facts, now),
    lastReviewedAt: iso(facts.lastReviewedAt),
    lastUpdatedAt: iso(lastUpdatedAt),
    stale,
  };
}

/** The plan with the account's names, score, signals and running playbooks, for the weekly review. */
export function buildActionPlan(facts: PlanFacts, now: number): ActionPlanWire | null {
  const summary = buildPlanSummary(facts, now);
  if (summary === null) return null;
  return {
    ...summary,
    companyId: facts.companyId,
    companyName: facts.companyName,
    ownerId: facts.ownerId,
    ownerName: facts.ownerName,
    tier: facts.tier,
    score: facts.score,
    signals: facts.signals.slice(0, maxListed),
    playbooks: facts.playbooks.filter((run) => run.status === 'running').slice(0, maxListed),
  };
}
