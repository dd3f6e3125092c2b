import { z } from 'zod';

import { isoTimeWire, tierWire } from './health-score.ts';
import { playbookRunWire } from './playbooks.ts';
import { signalWire } from './signals.ts';

/**
 * An account's action plan: what is being done about an at-risk or expanding account — its open signals, the
 * playbooks running for it, the next steps (the open tasks, earliest due first), its owner, and when the owner
 * last reviewed it. Every at-risk account (tier at_risk or an open risk signal) and every account with an
 * open expansion signal has one; the card shows it and the weekly review lists it.
 */

/** A plan not reviewed, and without a step done or a signal acted on, for this long is stale. */
export const stalePlanDays = 7;

export const planNextStepWire = z.strictObject({
  title: z.string(),
  playbookRunId: z.number().int().nullable(),
  dueAt: isoTimeWire.nullable(),
  overdue: z.boolean(),
  hubspotTaskId: z.string().nullable(),
});

/** The plan itself, as the company card shows it beside the signals and playbooks it already lists. */
export const planSummaryWire = z.strictObject({
  /** Why the account has a plan. */
  kind: z.enum(['at_risk', 'expansion']),
  nextSteps: z.array(planNextStepWire).max(20),
  lastReviewedAt: isoTimeWire.nullable(),
  /** The latest of: a review, a step done, a person's command on a signal. */
  lastUpdatedAt: isoTimeWire.nullable(),
  stale: z.boolean(),
});

export const actionPlanWire = z.strictObject({
  ...planSummaryWire.shape,
  companyId: z.string(),
  companyName: z.string().nullable(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  tier: tierWire.nullable(),
  score: z.number().nullable(),
  signals: z.array(signalWire).max(20),
  playbooks: z.array(playbookRunWire).max(20),
});

/** `POST /api/plans/:companyId/review`: the owner says the plan is current (optionally with a note). */
export const planReviewWire = z.strictObject({
  note: z.string().trim().max(1_000, 'at most 1,000 characters').optional(),
});

export const reviewOwnerWire = z.strictObject({
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  atRisk: z.array(actionPlanWire).max(200),
  expansion: z.array(actionPlanWire).max(200),
  stalePlans: z.number().int(),
  escalatedSignals: z.number().int(),
});

/** The weekly review (`GET /api/review`, `harbor review`): escalated signals first, then each owner's plans. */
export const weeklyReviewWire = z.strictObject({
  generatedAt: isoTimeWire,
  /** Escalated risk signals of the portal, oldest due first: the top of the review. */
  escalated: z.array(signalWire).max(200),
  owners: z.array(reviewOwnerWire).max(500),
  /** When the last review tasks were created, or null before the first review. */
  lastReviewTasksAt: isoTimeWire.nullable(),
});

export type PlanNextStepWire = z.infer<typeof planNextStepWire>;
export type PlanSummaryWire = z.infer<typeof planSummaryWire>;
export type ActionPlanWire = z.infer<typeof actionPlanWire>;
export type ReviewOwnerWire = z.infer<typeof reviewOwnerWire>;
export type WeeklyReviewWire = z.infer<typeof weeklyReviewWire>;
