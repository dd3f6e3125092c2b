import {
  handoffDestinations,
  reportSettingsSchema,
  retentionMetrics,
  type HandoffDestination,
  type HandoffDestinationName,
  type ReportSettings,
  type RetentionMetric,
} from '@harbor/wire';

import { fromPercent, toPercent } from './action-settings-draft.ts';
import type { FieldErrors, FieldMessage } from './model-draft.ts';

/**
 * Plain functions over the Reports tab's draft (what PUT /api/settings/reports takes): no React, no fetch.
 * Error paths are the schema's (`targets.1.target`, `routing.finance.ownerId`), so a message sits beside
 * the field it is about.
 */

export type ReportDraft = ReportSettings;
export type RouteKind = 'none' | 'owner' | 'team' | 'queue';

/** Ratios are typed as percentages (0.9 ↔ 90), NPS in its own points. */
export const targetShown = (metric: RetentionMetric, target: number): number =>
  metric === 'nps' ? target : toPercent(target);
export const targetStored = (metric: RetentionMetric, shown: number): number =>
  metric === 'nps' ? shown : fromPercent(shown);

/** A new row: the first metric `all` has no target for yet, at a sensible starting value. */
export function addTarget(draft: ReportDraft): ReportDraft {
  const taken = new Set(draft.targets.filter((row) => row.segment === 'all').map((row) => row.metric));
  const metric = retentionMetrics.find((candidate) => !taken.has(candidate)) ?? 'grr';
  const starting: Record<RetentionMetric, number> = {
    grr: 0.9,
    nrr: 1,
    logoChurn: 0.03,
    grossRevenueChurn: 0.1,
    netRevenueChurn: 0,
    nps: 30,
  };
  return { ...draft, targets: [...draft.targets, { segment: 'all', metric, target: starting[metric] }] };
}

export function removeTarget(draft: ReportDraft, index: number): ReportDraft {
  return { ...draft, targets: draft.targets.filter((_row, at) => at !== index) };
}

/** Changes a row; a new metric keeps the typed number on its new scale (90 stays 90 % or 90 points). */
export function setTarget(
  draft: ReportDraft,
  index: number,
  change: { segment?: string; metric?: RetentionMetric; shown?: number },
): ReportDraft {
  const targets = draft.targets.map((row, at) => {
    if (at !== index) return row;
    const metric = change.metric ?? row.metric;
    const shown = change.shown ?? targetShown(row.metric, row.target);
    return { segment: change.segment ?? row.segment, metric, target: targetStored(metric, shown) };
  });
  return { ...draft, targets };
}

export function setSurvey(draft: ReportDraft, change: Partial<ReportDraft['survey']>): ReportDraft {
  return { ...draft, survey: { ...draft.survey, ...change } };
}

export const routeKindOf = (destination: HandoffDestination): RouteKind => destination?.kind ?? 'none';
export const routeIdOf = (destination: HandoffDestination): string =>
  destination === null
    ? ''
    : destination.kind === 'owner'
      ? destination.ownerId
      : destination.kind === 'team'
        ? destination.teamId
        : destination.queueId;

/** Sets where a hand-off goes; a new kind keeps the id typed so far. */
export function setRoute(
  draft: ReportDraft,
  name: HandoffDestinationName,
  kind: RouteKind,
  id: string,
): ReportDraft {
  const value = id.trim();
  const destination: HandoffDestination =
    kind === 'none'
      ? null
      : kind === 'owner'
        ? { kind, ownerId: value }
        : kind === 'team'
          ? { kind, teamId: value }
          : { kind, queueId: value };
  return { ...draft, routing: { ...draft.routing, [name]: destination } };
}

export { handoffDestinations };

interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  minimum?: unknown;
  maximum?: unknown;
  expected?: unknown;
  params?: Record<string, unknown>;
}

function messageFor(issue: IssueLike, draft: ReportDraft): FieldMessage {
  const path = issue.path.map(String);
  const last = path.at(-1);
  if (issue.params?.rule === 'duplicate-target') return { key: 'settings.reports.error.duplicate' };
  if (issue.params?.rule === 'ratio-target') return { key: 'settings.reports.error.ratioTarget' };
  if (last === 'ownerId' || last === 'teamId' || last === 'queueId')
    return { key: 'settings.reports.error.id' };
  if (path[0] === 'targets' && last === 'target') {
    const metric = draft.targets[Number(path[1])]?.metric;
    return metric === 'nps'
      ? { key: 'settings.reports.error.npsTarget' }
      : { key: 'settings.reports.error.ratioTarget' };
  }
  if (path[0] === 'targets' && issue.code === 'too_big')
    return { key: 'settings.reports.error.tooManyTargets' };
  if (path[0] === 'digest') return { key: 'settings.reports.error.category' };
  if (issue.code === 'invalid_type' && issue.expected === 'int') return { key: 'settings.error.wholeNumber' };
  if (issue.code === 'too_small' && typeof issue.minimum === 'number')
    return { key: 'settings.error.atLeast', params: { min: issue.minimum } };
  if (issue.code === 'too_big' && typeof issue.maximum === 'number')
    return { key: 'settings.error.atMost', params: { max: issue.maximum } };
  if (issue.code === 'invalid_type') return { key: 'settings.error.number' };
  return { key: 'settings.error.other', params: { path: path.join('.') } };
}

/** Checks the draft as the save would, with the service's own schema; errors by field path. */
export function validateReportDraft(
  draft: ReportDraft,
): { draft: ReportDraft; errors: undefined } | { errors: FieldErrors } {
  const result = reportSettingsSchema.safeParse(draft);
  if (result.success) return { draft: result.data, errors: undefined };
  const errors: Record<string, FieldMessage> = {};
  for (const issue of result.error.issues)
    errors[issue.path.map(String).join('.')] ??= messageFor(issue as IssueLike, draft);
  return { errors };
}
