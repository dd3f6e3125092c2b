import {
  signalSeverities,
  type CompanyFactsWire,
  type CompanyViewWire,
  type NoScoreReason,
  type PlanSummaryWire,
  type PlaybookRunWire,
  type SignalWire,
} from '@harbor/wire';

import { DAY_MS, readNumber, readTime } from '../../health/engine/property-values.pure.ts';
import { resolveSegment } from '../../health/engine/segment.pure.ts';
import { toScoreWire } from '../../health/health-wire.ts';
import type { HealthModel } from '../../health/model/health-model-schema.ts';
import type { HealthScoreRecord } from '../../store/repositories/health-scores-repository.ts';
import { summariseFeedback, type FeedbackAnswer } from './feedback-summary.pure.ts';
import { explainModel, findDataGaps } from './model-explanation.pure.ts';

/** Everything the view is assembled from, as the repositories read it. */
export interface CompanyViewInputs {
  companyId: string;
  /** The company's stored HubSpot properties; undefined when Harbor has not synced it (yet). */
  properties: Readonly<Record<string, string | null>> | undefined;
  owner: { id: string; firstName: string | null; lastName: string | null; email: string | null } | undefined;
  score: HealthScoreRecord | undefined;
  model: { version: number; model: HealthModel };
  history: readonly { day: string; score: number; tier: CompanyViewWire['history'][number]['tier'] }[];
  feedback: readonly FeedbackAnswer[];
  lastSyncAt: Date | undefined;
  /** The portal's company currency; contract values are in it (HubSpot keeps no currency per company). */
  currency: string | null;
  /** The company's active signals, as the wire carries them. */
  signals: readonly SignalWire[];
  /** Running playbooks and those ended lately, newest first. */
  playbooks: readonly PlaybookRunWire[];
  plan: PlanSummaryWire | null;
}

const historyDays = 90;

/** Risks before opportunities, the worst first, then the oldest: what a CSM should look at first. */
function bySignalUrgency(a: SignalWire, b: SignalWire): number {
  if (a.kind !== b.kind) return a.kind === 'risk' ? -1 : 1;
  const severity = signalSeverities.indexOf(b.severity) - signalSeverities.indexOf(a.severity);
  return severity !== 0 ? severity : a.openedAt.localeCompare(b.openedAt);
}

/** The first and last UTC day (YYYY-MM-DD) of the view's history: today and the 90 days before it. */
export function historyWindow(now: Date): { from: string; to: string } {
  return {
    from: new Date(now.getTime() - historyDays * DAY_MS).toISOString().slice(0, 10),
    to: now.toISOString().slice(0, 10),
  };
}

function text(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? null : trimmed;
}

/** A date property as its calendar day: HubSpot stores dates as YYYY-MM-DD or as midnight UTC in ms. */
function readDay(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) return raw;
  const time = readTime(raw);
  return time === null ? null : new Date(time).toISOString().slice(0, 10);
}

function noScoreReason(inputs: CompanyViewInputs): NoScoreReason | null {
  if (inputs.score?.score != null) return null;
  if (inputs.score !== undefined) return 'no_data';
  return inputs.lastSyncAt === undefined ? 'not_synced' : 'not_scored';
}

function companyFacts(inputs: CompanyViewInputs, segment: string): CompanyFactsWire {
  const properties = inputs.properties ?? {};
  const amount = readNumber(properties.contract_value);
  const owner = inputs.owner;
  const ownerName =
    owner === undefined ? null : text([owner.firstName, owner.lastName].filter(Boolean).join(' '));
  return {
    id: inputs.companyId,
    name: text(properties.name),
    domain: text(properties.domain),
    owner: owner === undefined ? null : { id: owner.id, name: ownerName, email: text(owner.email) },
    segment,
    contractValue: amount === null ? null : { amount, currency: inputs.currency },
    renewalDate: readDay(properties.renewal_date),
  };
}

/** The company view as the tab and sidebar cards show it, as of `now`. */
export function assembleCompanyView(inputs: CompanyViewInputs, now: Date): CompanyViewWire {
  const { model, version } = inputs.model;
  const segment = inputs.score?.segment ?? resolveSegment(model, inputs.properties ?? {}).name;
  const reason = noScoreReason(inputs);
  const { from, to } = historyWindow(now);
  return {
    company: companyFacts(inputs, segment),
    score: reason === null && inputs.score !== undefined ? toScoreWire(inputs.score) : null,
    noScoreReason: reason,
    dataGaps: findDataGaps(inputs.score?.components ?? [], model),
    history: inputs.history
      .filter((point) => point.day >= from && point.day <= to)
      .map((point) => ({ day: point.day, score: point.score, tier: point.tier })),
    feedback: summariseFeedback(inputs.feedback, model.sentiment.maxAgeDays, now),
    model: explainModel(model, version, segment),
    lastSyncAt: inputs.lastSyncAt?.toISOString() ?? null,
    signals: [...inputs.signals].sort(bySignalUrgency),
    playbooks: [...inputs.playbooks],
    plan: inputs.plan,
    generatedAt: now.toISOString(),
  };
}
