import { z } from 'zod';

import { boundedNumber, maxSegments } from './health-model-limits.ts';
import { isoTimeWire } from './health-score.ts';
import { segmentNameSchema } from './segmentation.ts';
import { playbookTypes, signalReasonMaxLength } from './signals.ts';

/**
 * Playbooks: a sequence of HubSpot tasks for one company, run one step at a time. A step's task is created
 * when the step before it is completed in HubSpot, and is due `dueInDays` after it is created, so a late
 * step never makes the next one overdue on arrival. Templates ship as defaults (default-playbooks.ts) and an
 * admin may replace any of them per segment; a running playbook keeps the steps it started with.
 */

export type PlaybookType = (typeof playbookTypes)[number];

/**
 * Who gets a step's task: the company's HubSpot owner (else the fallback owner from the signal settings),
 * the CS lead (the escalation owner), or one named HubSpot owner.
 */
export const stepOwnerRuleWire = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('company_owner') }),
  z.strictObject({ kind: z.literal('cs_lead') }),
  z.strictObject({ kind: z.literal('owner'), ownerId: z.string().regex(/^\d{1,20}$/, 'a HubSpot owner id') }),
]);

export const playbookStepSchema = z.strictObject({
  title: z.string().trim().min(1, 'a title').max(200, 'at most 200 characters'),
  /** What to do and why; Harbor adds the reason the playbook started and a link to the company. */
  body: z.string().trim().max(4_000, 'at most 4,000 characters'),
  dueInDays: boundedNumber(0, 365, 'days').int('whole days'),
  priority: z.enum(['LOW', 'MEDIUM', 'HIGH']),
  taskType: z.enum(['TODO', 'CALL', 'EMAIL']),
  owner: stepOwnerRuleWire,
});

export const maxPlaybookSteps = 12;

export const playbookTemplateSchema = z.strictObject({
  /** Off: the playbook cannot be started (by a person, a signal or an automation) in this segment. */
  enabled: z.boolean({ error: 'on or off' }),
  steps: z
    .array(playbookStepSchema)
    .min(1, 'at least one step')
    .max(maxPlaybookSteps, `at most ${maxPlaybookSteps} steps`),
});

const templateOverrides = z.strictObject(
  Object.fromEntries(playbookTypes.map((type) => [type, playbookTemplateSchema.optional()])) as Record<
    PlaybookType,
    z.ZodOptional<typeof playbookTemplateSchema>
  >,
);

export const playbookSettingsSchema = z.strictObject({
  /** Templates that replace the shipped defaults for every segment; a missing one is the default. */
  templates: templateOverrides,
  /** Per segment, templates that replace the portal-wide ones. */
  segments: z
    .record(segmentNameSchema, templateOverrides)
    .refine((segments) => Object.keys(segments).length <= maxSegments, `at most ${maxSegments} segments`),
  /**
   * At most this many open Harbor tasks created for one owner in one day (the portal's day); a step over
   * the cap waits for the next day rather than flooding the owner's task queue.
   */
  maxOpenTasksPerOwnerPerDay: boundedNumber(1, 200, 'tasks').int('a whole number'),
});

export type PlaybookStep = z.infer<typeof playbookStepSchema>;
export type PlaybookTemplate = z.infer<typeof playbookTemplateSchema>;
export type PlaybookSettings = z.infer<typeof playbookSettingsSchema>;
export type StepOwnerRule = z.infer<typeof stepOwnerRuleWire>;

/** Twenty a day: a CSM's working queue; more and the tasks stop being read (docs/playbooks.md). */
export const defaultPlaybookSettings: PlaybookSettings = {
  templates: {},
  segments: {},
  maxOpenTasksPerOwnerPerDay: 20,
};

export const playbookRunStatuses = ['running', 'completed', 'cancelled'] as const;
export const playbookStepStatuses = [
  /** Not reached yet. */
  'pending',
  /** Reached; its task is being created, or waits for the owner's daily cap or the snooze. */
  'waiting',
  'open',
  'completed',
  /** The playbook was cancelled before the step was done. */
  'cancelled',
] as const;

export const playbookStepWire = z.strictObject({
  index: z.number().int(),
  title: z.string(),
  status: z.enum(playbookStepStatuses),
  ownerId: z.string().nullable(),
  dueAt: isoTimeWire.nullable(),
  completedAt: isoTimeWire.nullable(),
  hubspotTaskId: z.string().nullable(),
});

export const playbookRunWire = z.strictObject({
  id: z.number().int(),
  companyId: z.string(),
  playbook: z.enum(playbookTypes),
  status: z.enum(playbookRunStatuses),
  /** Why it started: a signal's id, an automation's trigger, or a person (`startedBy`). */
  signalId: z.number().int().nullable(),
  startedBy: z.string(),
  startedAt: isoTimeWire,
  /** Steps done; the card shows "2 of 5". */
  completedSteps: z.number().int(),
  steps: z.array(playbookStepWire).max(maxPlaybookSteps),
  snoozedUntil: isoTimeWire.nullable(),
  endedAt: isoTimeWire.nullable(),
  cancelReason: z.string().nullable(),
});

const note = z.string().trim().max(signalReasonMaxLength, `at most ${signalReasonMaxLength} characters`);

/** `POST /api/playbooks` starts one for a company; the run's commands go to `/api/playbooks/:runId/commands`. */
export const playbookStartWire = z.strictObject({
  companyId: z.string().regex(/^\d{1,20}$/, 'a HubSpot company id'),
  playbook: z.enum(playbookTypes),
});
export const playbookCommandWire = z.discriminatedUnion('kind', [
  /** Holds the next step's task until then (at most 30 days); an open task stays as it is. */
  z.strictObject({ kind: z.literal('snooze'), until: isoTimeWire, reason: note.optional() }),
  z.strictObject({ kind: z.literal('resume') }),
  z.strictObject({ kind: z.literal('cancel'), reason: note.min(1, 'say why it stops') }),
]);

export type PlaybookRunWire = z.infer<typeof playbookRunWire>;
export type PlaybookStepWire = z.infer<typeof playbookStepWire>;
export type PlaybookStartWire = z.infer<typeof playbookStartWire>;
export type PlaybookCommandWire = z.infer<typeof playbookCommandWire>;
