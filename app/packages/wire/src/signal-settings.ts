import { z } from 'zod';

import { boundedNumber, maxSegments, propertyNameSchema } from './health-model-limits.ts';
import { segmentNameSchema } from './segmentation.ts';

/**
 * Settings of the signal rules: per-rule thresholds (each with its own on/off switch), per-segment overrides,
 * who counts as an executive, how long a CSM has to act, and the renewal window. The settings page validates
 * an edit with this schema and shows each message beside its field; the service checks the same on save.
 * Every default and the reasoning behind it is in docs/signals.md.
 */

const enabled = z.boolean({ error: 'on or off' });
const days = (what: string) => boundedNumber(1, 730, what).int('whole days');
const share = (what: string) => boundedNumber(0, 1, what);
const count = (what: string) => boundedNumber(0, 1_000_000, what).int('a whole number');
const textList = (what: string, max: number) =>
  z
    .array(z.string().trim().min(1, `${what}: not empty`).max(100, `${what}: at most 100 characters`))
    .max(max, `at most ${max} ${what}s`);

export const signalThresholdsSchema = z.object({
  usage_drop: z.object({
    enabled,
    /** Logins (30 days against the 30 before) or active users per seat down by at least this share. */
    minDropShare: boundedNumber(0.05, 0.95, 'a share'),
    /** Logins in the earlier 30 days below this are too few to call a drop (3 → 1 is noise). */
    minPreviousLogins: count('logins'),
    /** Active-user share of seats below which the account counts as not using what it bought. */
    minSeatUtilisation: share('a share of seats'),
  }),
  critical_ticket: z.object({
    enabled,
    /** An urgent open ticket fires once its age passes this multiple of its priority's SLA hours. */
    slaMultiple: boundedNumber(0.1, 20, 'a multiple of the SLA'),
    /** An open escalated ticket counts whatever its priority and age. */
    escalated: z.boolean({ error: 'on or off' }),
    /** How many such open tickets at once make an account risk rather than one support case. */
    minOpenTickets: boundedNumber(1, 20, 'tickets').int('a whole number'),
  }),
  late_payment: z.object({
    enabled,
    minDaysPastDue: days('days past due'),
    /** Invoice-status values that fire by themselves (any case). */
    invoiceStatuses: textList('status', 20),
  }),
  executive_complaint: z.object({
    enabled,
    /** Only answers and tickets this recent count. */
    withinDays: days('days'),
    /** An executive's NPS at or below this is a complaint (CSAT 0 and CES 1–3 always are). */
    maxNps: boundedNumber(0, 10, 'an NPS answer').int('a whole answer'),
  }),
  detractor: z.object({
    enabled,
    maxNps: boundedNumber(0, 10, 'an NPS answer').int('a whole answer'),
    withinDays: days('days'),
  }),
  low_health: z.object({
    enabled,
    /** A health score below this fires. */
    belowScore: boundedNumber(0, 100, 'a score'),
    /** A drop into at_risk this recent fires even when the score sits at the threshold. */
    tierDropWithinDays: days('days'),
  }),
  expansion: z.object({
    enabled,
    minSeatUtilisation: share('a share of seats'),
    /** Logins up by at least this share against the 30 days before (0.25 = 25 %). */
    minLoginGrowth: boundedNumber(0.05, 10, 'a share'),
    minPreviousLogins: count('logins'),
  }),
  advocacy: z.object({
    enabled,
    minNps: boundedNumber(0, 10, 'an NPS answer').int('a whole answer'),
    withinDays: days('days'),
  }),
  renewal_window: z.object({ enabled }),
  large_onboarding: z.object({
    enabled,
    /** Companies created this recently are onboarding. */
    withinDays: days('days'),
    /** In the portal's currency, as the contract-value property holds it. */
    minContractValue: boundedNumber(0, 1e12, 'an amount'),
    /** Segments in which every new customer counts as a large onboarding. */
    segments: z.array(segmentNameSchema).max(maxSegments, `at most ${maxSegments} segments`),
  }),
});
export type SignalThresholds = z.infer<typeof signalThresholdsSchema>;
export type SignalRuleId = keyof SignalThresholds;

/** A segment's overrides: any rule, any field; what is not given comes from the defaults. */
const rules = signalThresholdsSchema.shape;
export const signalThresholdOverridesSchema = z.object({
  usage_drop: rules.usage_drop.partial().optional(),
  critical_ticket: rules.critical_ticket.partial().optional(),
  late_payment: rules.late_payment.partial().optional(),
  executive_complaint: rules.executive_complaint.partial().optional(),
  detractor: rules.detractor.partial().optional(),
  low_health: rules.low_health.partial().optional(),
  expansion: rules.expansion.partial().optional(),
  advocacy: rules.advocacy.partial().optional(),
  renewal_window: rules.renewal_window.partial().optional(),
  large_onboarding: rules.large_onboarding.partial().optional(),
});
export type SignalThresholdOverrides = z.infer<typeof signalThresholdOverridesSchema>;

const hubspotOwnerId = z.string().regex(/^\d{1,20}$/, 'a HubSpot owner id (digits)');
const dueDay = (what: string) => boundedNumber(1, 90, what).int('whole days');

export const signalSettingsSchema = z.object({
  defaults: signalThresholdsSchema,
  segments: z
    .record(segmentNameSchema, signalThresholdOverridesSchema, {
      error: (issue) => (issue.code === 'invalid_key' ? 'a segment name of 1 to 60 characters' : undefined),
    })
    .refine((segments) => Object.keys(segments).length <= maxSegments, `at most ${maxSegments} segments`),
  /** Words or phrases (any case) that mark a job title as an executive's, matched as whole words. */
  executiveTitles: textList('title', 50),
  /** A ticket property that reads true when the ticket came from or concerns an executive; null for none. */
  executiveTicketProperty: propertyNameSchema.nullable(),
  /** Days a CSM has to start an action on a new signal, by severity; past it an open risk escalates. */
  dueDays: z
    .object({
      critical: dueDay('days'),
      high: dueDay('days'),
      medium: dueDay('days'),
      low: dueDay('days'),
    })
    .refine((due) => due.critical <= due.high && due.high <= due.medium && due.medium <= due.low, {
      message: 'a more severe signal needs as many days or fewer (critical ≤ high ≤ medium ≤ low)',
      path: ['critical'],
    }),
  /** The renewal-window signal fires when the renewal date is this many days ahead. */
  renewalWindow: z
    .object({ fromDays: days('days'), toDays: days('days') })
    .refine((window) => window.fromDays <= window.toDays, {
      message: 'fromDays must be ≤ toDays',
      path: ['fromDays'],
    }),
  /** Company properties the rules read beyond the health model's map. */
  properties: z.object({
    renewalDate: propertyNameSchema.nullable(),
    contractValue: propertyNameSchema.nullable(),
  }),
  /**
   * Who gets what nobody else owns: `ownerFallbackId` owns signals of companies without a HubSpot owner;
   * `escalationOwnerId` (the CS lead) gets the task when a risk escalates — without one, the signal's owner.
   */
  routing: z.object({
    ownerFallbackId: hubspotOwnerId.nullable(),
    escalationOwnerId: hubspotOwnerId.nullable(),
    /** The language of the tasks Harbor writes into HubSpot for this portal's team. */
    taskLanguage: z.enum(['en', 'pt-BR']),
  }),
});
export type SignalSettings = z.infer<typeof signalSettingsSchema>;

/** Defaults; the reasoning for each is in docs/signals.md ("Defaults and why"). */
export const defaultSignalSettings: SignalSettings = {
  defaults: {
    usage_drop: { enabled: true, minDropShare: 0.4, minPreviousLogins: 30, minSeatUtilisation: 0.25 },
    critical_ticket: { enabled: true, slaMultiple: 1, escalated: true, minOpenTickets: 2 },
    late_payment: { enabled: true, minDaysPastDue: 30, invoiceStatuses: ['collections', 'suspended'] },
    executive_complaint: { enabled: true, withinDays: 60, maxNps: 6 },
    detractor: { enabled: true, maxNps: 6, withinDays: 90 },
    low_health: { enabled: true, belowScore: 67, tierDropWithinDays: 30 },
    expansion: { enabled: true, minSeatUtilisation: 0.9, minLoginGrowth: 0.25, minPreviousLogins: 30 },
    advocacy: { enabled: true, minNps: 9, withinDays: 90 },
    renewal_window: { enabled: true },
    large_onboarding: { enabled: true, withinDays: 90, minContractValue: 50_000, segments: ['ENTERPRISE'] },
  },
  // The same modelled churn odds (about 12 % at the next renewal) sit at a higher score where churn is commoner.
  segments: { SMB: { low_health: { belowScore: 74 } }, ENTERPRISE: { low_health: { belowScore: 59 } } },
  executiveTitles: [
    'CEO',
    'CFO',
    'COO',
    'CTO',
    'CIO',
    'founder',
    'president',
    'VP',
    'vice president',
    'director',
    'head of',
    'chief',
    // pt-BR titles: the same roles as Brazilian portals write them.
    'diretor',
    'diretora',
    'presidente',
    'head de',
    'sócio',
    'sócia',
  ],
  executiveTicketProperty: null,
  dueDays: { critical: 2, high: 5, medium: 10, low: 20 },
  renewalWindow: { fromDays: 60, toDays: 90 },
  properties: { renewalDate: 'renewal_date', contractValue: 'contract_value' },
  // Nobody by default: an admin names them in settings (a fallback owner and the CS lead).
  routing: { ownerFallbackId: null, escalationOwnerId: null, taskLanguage: 'en' },
};

/** The thresholds a company in `segment` is held to: the defaults, with the segment's overrides on top. */
export function thresholdsFor(settings: SignalSettings, segment: string): SignalThresholds {
  const overrides = Object.hasOwn(settings.segments, segment) ? settings.segments[segment] : undefined;
  if (overrides === undefined) return settings.defaults;
  const merged = { ...settings.defaults } as Record<SignalRuleId, unknown>;
  for (const rule of Object.keys(settings.defaults) as SignalRuleId[]) {
    const override = overrides[rule];
    if (override !== undefined) merged[rule] = { ...settings.defaults[rule], ...stripUndefined(override) };
  }
  return merged as SignalThresholds;
}

function stripUndefined(value: object): object {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined));
}
