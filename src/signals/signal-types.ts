import { opportunitySignalTypes, riskSignalTypes, signalSeverities, signalTypes } from '@harbor/wire';

import type { HealthModel, Tier } from '../health/model/health-model-schema.ts';
import type { FeedbackFact, TicketFact, UsageFacts } from '../health/health-types.ts';

/**
 * Signals: a fact about one company that a CSM must act on (risk) or may gain from (opportunity). Rules fire
 * them from plain data (`./rules/`); the lifecycle (`./lifecycle/`) keeps one open signal per company and type,
 * refreshes it when it fires again, and never lets a risk signal disappear without an action.
 */

// The lists are the wire contract's, so the service and the UI can never disagree on a type.
export { opportunitySignalTypes, riskSignalTypes, signalSeverities, signalTypes };

export type RiskSignalType = (typeof riskSignalTypes)[number];
export type OpportunitySignalType = (typeof opportunitySignalTypes)[number];
export type SignalType = (typeof signalTypes)[number];
export type SignalKind = 'risk' | 'opportunity';

export type SignalSeverity = (typeof signalSeverities)[number];

export function signalKind(type: SignalType): SignalKind {
  return (riskSignalTypes as readonly string[]).includes(type) ? 'risk' : 'opportunity';
}

/**
 * One fact behind a firing: `key` names it for the message catalogue (`signal.evidence.<key>`), `value` is
 * the number or text it had, `at` when it happened or was measured (ISO), when that is known.
 */
export interface SignalEvidenceItem {
  key: string;
  value: number | string | null;
  at?: string | undefined;
}

/** What a rule says when it fires: the signal type, how bad (or good) it is, and why. */
export interface SignalFiring {
  type: SignalType;
  severity: SignalSeverity;
  evidence: SignalEvidenceItem[];
}

/** A ticket as the rules read it: the health engine's facts plus what tells a critical one. */
export interface SignalTicket extends TicketFact {
  id: string;
  subject?: string | undefined;
  /** The raw value of the mapped executive-ticket property, when the settings name one. */
  executiveFlag?: string | null | undefined;
  /** The job title of the ticket's contact, when the sync knows who raised it. */
  contactJobTitle?: string | null | undefined;
}

/** A survey answer as the rules read it: the health engine's facts plus who answered. */
export interface SignalFeedback extends FeedbackFact {
  id: string;
  /** The answering contact's job title, when HubSpot has one. */
  contactJobTitle?: string | null | undefined;
  comment?: string | null | undefined;
}

/** The company's current health, as the last scoring left it; null when it has no score. */
export interface SignalHealth {
  score: number;
  tier: Tier;
  /** The tier before the last change, and when that change happened (epoch ms); null when never changed. */
  previousTier: Tier | null;
  tierChangedAt: number | null;
}

/** Everything the rules read about one company: plain data, times in epoch ms. */
export interface SignalInputs {
  companyId: string;
  /** HubSpot company properties as stored (strings). */
  properties: Readonly<Record<string, string | null | undefined>>;
  /** The segment the company's score was computed in (thresholds are per segment). */
  segment: string;
  tickets: readonly SignalTicket[];
  feedback: readonly SignalFeedback[];
  health: SignalHealth | null;
  /** The active health model: its property map, urgent priorities and SLA hours are the rules' too. */
  model: HealthModel;
  /** Active users about 30 days ago (from the property's history), when known: the usage-drop rule's base. */
  previousActiveUsers?: number | null | undefined;
  /** Usage the product pushed (src/ingest/); its facts come before the mapped properties. */
  usage?: UsageFacts | undefined;
}
