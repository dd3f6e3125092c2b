import { z } from 'zod';

import { isoTimeWire } from './health-score.ts';

/**
 * Hand-offs: work Harbor passes to the team whose job it is — support (a critical ticket on an at-risk
 * account), finance (a renewal that needs a price change), marketing (a healthy promoter as a reference
 * candidate) and automation (a request for an automation) — as a HubSpot task for the destination set in the
 * report settings' routing. Each is logged with its outcome; the company card lists them and offers the two
 * requests a person makes by hand (finance and automation).
 */

export const handoffKinds = ['support', 'finance', 'marketing', 'automation'] as const;
export type HandoffKind = (typeof handoffKinds)[number];

/** created: the task exists; not_routed: no destination set, nothing created; failed: HubSpot refused. */
export const handoffOutcomes = ['pending', 'created', 'not_routed', 'failed'] as const;
export type HandoffOutcome = (typeof handoffOutcomes)[number];

const digits = z.string().regex(/^\d{1,20}$/, 'a HubSpot id (digits)');

/** What a person asks for from the card: the renewal to finance, or an automation. */
export const handoffRequestWire = z.strictObject({
  kind: z.enum(['finance', 'automation']),
  companyId: digits,
  /** The open renewal deal; required for finance, ignored for automation. */
  dealId: digits.optional(),
  /** Finance: what price change the renewal needs and why; automation: what should happen. */
  note: z.string().trim().min(3, 'a few words at least').max(2_000),
});
export type HandoffRequestWire = z.infer<typeof handoffRequestWire>;

export const handoffWire = z.strictObject({
  id: z.number().int(),
  kind: z.enum(handoffKinds),
  outcome: z.enum(handoffOutcomes),
  /** Why it was handed off, in plain words (a ticket's subject, the note). */
  reason: z.string(),
  note: z.string().nullable(),
  /** Where it went: the routing kind and the owner or queue that got the task. */
  routedTo: z
    .discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('owner'), ownerId: z.string(), ownerName: z.string().nullable() }),
      z.strictObject({
        kind: z.literal('team'),
        teamId: z.string(),
        ownerId: z.string(),
        ownerName: z.string().nullable(),
      }),
      z.strictObject({ kind: z.literal('queue'), queueId: z.string() }),
    ])
    .nullable(),
  /** Why nothing was created, for not_routed and failed. */
  detail: z.string().nullable(),
  dealId: z.string().nullable(),
  ticketId: z.string().nullable(),
  hubspotTaskId: z.string().nullable(),
  /** HubSpot's task page, when there is a task. */
  taskUrl: z.string().nullable(),
  createdAt: isoTimeWire,
  updatedAt: isoTimeWire,
});
export type HandoffWire = z.infer<typeof handoffWire>;

/** An open deal of the company the finance request can name; renewals first. */
export const handoffDealWire = z.strictObject({
  id: z.string(),
  name: z.string().nullable(),
  closeDate: z.string().nullable(),
  isRenewal: z.boolean(),
});

/** The card's block: the company view carries it (so the card needs no second request). */
export const handoffsBlockWire = z.strictObject({
  handoffs: z.array(handoffWire).max(200),
  openDeals: z.array(handoffDealWire).max(100),
  /** Which destinations have routing set: a request to one without is logged as not routed. */
  routed: z.strictObject({
    support: z.boolean(),
    finance: z.boolean(),
    marketing: z.boolean(),
    automation: z.boolean(),
  }),
});
export type HandoffsBlockWire = z.infer<typeof handoffsBlockWire>;

export const companyHandoffsWire = handoffsBlockWire.extend({ companyId: z.string() });
export type CompanyHandoffsWire = z.infer<typeof companyHandoffsWire>;
