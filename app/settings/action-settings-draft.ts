import {
  actionSettingsEditWire,
  type ActionSettingsEditWire,
  type AutomationAction,
  type AutomationSettings,
  type AutomationTrigger,
  type PlaybookStep,
  type PlaybookTemplate,
  type PlaybookType,
  type SignalRuleId,
  type SignalSettings,
} from '@harbor/wire';
import type { MessageKey } from '@harbor/i18n';

import type { FieldErrors, FieldMessage } from './model-draft.ts';

/**
 * Plain functions over the Signals, Automations and Playbooks tabs' draft (what PUT /api/settings/actions
 * takes): no React, no fetch, so they are tested on their own. Paths of errors start with the part's name
 * (`signals.defaults.low_health.belowScore`), as the service's own messages do.
 */

export type ActionDraft = ActionSettingsEditWire;

/** How a threshold is typed: a share shows as a percentage, `whole` takes whole numbers only. */
export type RuleFieldKind = 'share' | 'number' | 'whole' | 'switch' | 'texts' | 'segments';
export interface RuleField {
  field: string;
  kind: RuleFieldKind;
}

/** Every rule's thresholds, in the order the Signals tab lists them (its on/off switch comes first). */
export const ruleFields: Readonly<Record<SignalRuleId, readonly RuleField[]>> = {
  low_health: [
    { field: 'belowScore', kind: 'number' },
    { field: 'tierDropWithinDays', kind: 'whole' },
  ],
  usage_drop: [
    { field: 'minDropShare', kind: 'share' },
    { field: 'minPreviousLogins', kind: 'whole' },
    { field: 'minSeatUtilisation', kind: 'share' },
  ],
  critical_ticket: [
    { field: 'slaMultiple', kind: 'number' },
    { field: 'escalated', kind: 'switch' },
    { field: 'minOpenTickets', kind: 'whole' },
  ],
  late_payment: [
    { field: 'minDaysPastDue', kind: 'whole' },
    { field: 'invoiceStatuses', kind: 'texts' },
  ],
  executive_complaint: [
    { field: 'withinDays', kind: 'whole' },
    { field: 'maxNps', kind: 'whole' },
  ],
  detractor: [
    { field: 'maxNps', kind: 'whole' },
    { field: 'withinDays', kind: 'whole' },
  ],
  renewal_window: [],
  expansion: [
    { field: 'minSeatUtilisation', kind: 'share' },
    { field: 'minLoginGrowth', kind: 'share' },
    { field: 'minPreviousLogins', kind: 'whole' },
  ],
  advocacy: [
    { field: 'minNps', kind: 'whole' },
    { field: 'withinDays', kind: 'whole' },
  ],
  large_onboarding: [
    { field: 'withinDays', kind: 'whole' },
    { field: 'minContractValue', kind: 'number' },
    { field: 'segments', kind: 'segments' },
  ],
};

export const signalRules = Object.keys(ruleFields) as SignalRuleId[];

/** Fields a segment may override on this page: the numbers and switches (lists stay portal-wide). */
export const overridableFields: readonly { rule: SignalRuleId; field: RuleField }[] = signalRules.flatMap(
  (rule) =>
    ruleFields[rule]
      .filter((field) => field.kind !== 'texts' && field.kind !== 'segments')
      .map((field) => ({ rule, field })),
);

/** A share as the page shows it (0.4 → 40) and back; two decimals are as fine as anyone types. */
export const toPercent = (share: number): number => Math.round(share * 10_000) / 100;
export const fromPercent = (percent: number): number => Math.round(percent * 100) / 10_000;

type RuleValues = Record<string, unknown>;

/** A copy of a record without one key (the drafts are never changed in place). */
function without<Value>(record: Readonly<Record<string, Value>>, key: string): Record<string, Value> {
  return Object.fromEntries(Object.entries(record).filter(([at]) => at !== key));
}

export function ruleValue(draft: ActionDraft, rule: SignalRuleId, field: string): unknown {
  return (draft.signals.defaults[rule] as RuleValues)[field];
}

export function setRuleValue(
  draft: ActionDraft,
  rule: SignalRuleId,
  field: string,
  value: unknown,
): ActionDraft {
  const defaults = { ...draft.signals.defaults, [rule]: { ...draft.signals.defaults[rule], [field]: value } };
  return setSignals(draft, { defaults });
}

export function setSignals(draft: ActionDraft, change: Partial<SignalSettings>): ActionDraft {
  return { ...draft, signals: { ...draft.signals, ...change } };
}

/** A segment's own value of a rule's field; undefined when the segment uses the portal's. */
export function segmentValue(
  draft: ActionDraft,
  segment: string,
  rule: SignalRuleId,
  field: string,
): unknown {
  const overrides = Object.hasOwn(draft.signals.segments, segment)
    ? draft.signals.segments[segment]
    : undefined;
  return (overrides?.[rule] as RuleValues | undefined)?.[field];
}

/** The overrides a segment has, rule by rule, in the order of `overridableFields`. */
export function segmentOverrides(
  draft: ActionDraft,
  segment: string,
): { rule: SignalRuleId; field: RuleField }[] {
  return overridableFields.filter(
    ({ rule, field }) => segmentValue(draft, segment, rule, field.field) !== undefined,
  );
}

/** Sets a segment's own value; undefined goes back to the portal's, dropping what is left empty. */
export function setSegmentValue(
  draft: ActionDraft,
  segment: string,
  rule: SignalRuleId,
  field: string,
  value: unknown,
): ActionDraft {
  const overrides: Record<string, RuleValues | undefined> = draft.signals.segments[segment] ?? {};
  const ruleOverrides = without(overrides[rule] ?? {}, field);
  if (value !== undefined) ruleOverrides[field] = value;
  const nextOverrides = without(overrides, rule);
  if (Object.keys(ruleOverrides).length > 0) nextOverrides[rule] = ruleOverrides;
  const segments = without(draft.signals.segments, segment);
  if (Object.keys(nextOverrides).length > 0) segments[segment] = nextOverrides;
  return setSignals(draft, { segments });
}

/** Adds a word to a list once (the same word in another case counts as the same). */
export function addText(list: readonly string[], text: string): string[] {
  const value = text.trim();
  if (value === '' || list.some((entry) => entry.toLowerCase() === value.toLowerCase())) return [...list];
  return [...list, value];
}

export function removeText(list: readonly string[], index: number): string[] {
  return list.filter((_entry, at) => at !== index);
}

// ---- Automations

export function setTrigger(
  draft: ActionDraft,
  trigger: AutomationTrigger,
  change: Partial<AutomationSettings['triggers'][AutomationTrigger]>,
): ActionDraft {
  const triggers = {
    ...draft.automations.triggers,
    [trigger]: { ...draft.automations.triggers[trigger], ...change },
  };
  return { ...draft, automations: { ...draft.automations, triggers } };
}

export function setWeeklyReview(
  draft: ActionDraft,
  change: Partial<AutomationSettings['weeklyReview']>,
): ActionDraft {
  return {
    ...draft,
    automations: { ...draft.automations, weeklyReview: { ...draft.automations.weeklyReview, ...change } },
  };
}

/** An automation's action as one select value: `playbook:renewal`, `create_task`, `open_signal`. */
export function actionValue(action: AutomationAction): string {
  return action.kind === 'start_playbook' ? `playbook:${action.playbook}` : action.kind;
}

export function actionFromValue(value: string): AutomationAction {
  if (value.startsWith('playbook:'))
    return { kind: 'start_playbook', playbook: value.slice('playbook:'.length) as PlaybookType };
  return value === 'create_task' ? { kind: 'create_task' } : { kind: 'open_signal' };
}

// ---- Playbooks

/** Where the template a page shows comes from: the segment's own, the portal's own, or Harbor's default. */
export type TemplateSource = 'segment' | 'portal' | 'default';

/** The template in force at a level: a segment (or null for every segment) and the type. */
export function effectiveTemplate(
  draft: ActionDraft,
  shipped: Readonly<Record<PlaybookType, PlaybookTemplate>>,
  type: PlaybookType,
  segment: string | null,
): { template: PlaybookTemplate; source: TemplateSource } {
  const { playbooks } = draft;
  const bySegment =
    segment !== null && Object.hasOwn(playbooks.segments, segment)
      ? playbooks.segments[segment]?.[type]
      : undefined;
  if (bySegment !== undefined) return { template: bySegment, source: 'segment' };
  const portal = playbooks.templates[type];
  if (portal !== undefined) return { template: portal, source: 'portal' };
  return { template: shipped[type], source: 'default' };
}

/** Where a level's own template sits in the draft, for its fields' errors. */
export function templatePath(type: PlaybookType, segment: string | null): string {
  return segment === null ? `playbooks.templates.${type}` : `playbooks.segments.${segment}.${type}`;
}

/**
 * Changes the template at a level. A level without one of its own starts from what it showed (the
 * portal's or the default), so the first edit copies it and changes only what was edited.
 */
export function editTemplate(
  draft: ActionDraft,
  shipped: Readonly<Record<PlaybookType, PlaybookTemplate>>,
  type: PlaybookType,
  segment: string | null,
  update: (template: PlaybookTemplate) => PlaybookTemplate,
): ActionDraft {
  const next = update(effectiveTemplate(draft, shipped, type, segment).template);
  const { playbooks } = draft;
  if (segment === null)
    return { ...draft, playbooks: { ...playbooks, templates: { ...playbooks.templates, [type]: next } } };
  const segments = { ...playbooks.segments, [segment]: { ...playbooks.segments[segment], [type]: next } };
  return { ...draft, playbooks: { ...playbooks, segments } };
}

/** Drops a level's own template, so the level uses the next one down (the portal's, then the default). */
export function resetTemplate(draft: ActionDraft, type: PlaybookType, segment: string | null): ActionDraft {
  const { playbooks } = draft;
  if (segment === null)
    return { ...draft, playbooks: { ...playbooks, templates: without(playbooks.templates, type) } };
  const own = without(playbooks.segments[segment] ?? {}, type);
  const segments = without(playbooks.segments, segment);
  if (Object.keys(own).length > 0) segments[segment] = own;
  return { ...draft, playbooks: { ...playbooks, segments } };
}

export function updateStep(
  template: PlaybookTemplate,
  index: number,
  change: Partial<PlaybookStep>,
): PlaybookTemplate {
  return {
    ...template,
    steps: template.steps.map((step, at) => (at === index ? { ...step, ...change } : step)),
  };
}

/** A new last step, due a week after the one before, for the company's owner. */
export function addStep(template: PlaybookTemplate, title: string): PlaybookTemplate {
  const step: PlaybookStep = {
    title,
    body: '',
    dueInDays: 7,
    priority: 'MEDIUM',
    taskType: 'TODO',
    owner: { kind: 'company_owner' },
  };
  return { ...template, steps: [...template.steps, step] };
}

export function removeStep(template: PlaybookTemplate, index: number): PlaybookTemplate {
  return { ...template, steps: template.steps.filter((_step, at) => at !== index) };
}

/** Moves a step one place up (-1) or down (1); at either end nothing moves. */
export function moveStep(template: PlaybookTemplate, index: number, by: -1 | 1): PlaybookTemplate {
  const to = index + by;
  if (to < 0 || to >= template.steps.length) return template;
  const steps = [...template.steps];
  const [step] = steps.splice(index, 1);
  if (step !== undefined) steps.splice(to, 0, step);
  return { ...template, steps };
}

/** Own templates with errors, as (type, segment) pairs, so the tab can say which ones to open. */
export function templatesWithErrors(errors: FieldErrors): { type: PlaybookType; segment: string | null }[] {
  const found = new Map<string, { type: PlaybookType; segment: string | null }>();
  for (const path of Object.keys(errors)) {
    const parts = path.split('.');
    if (parts[0] !== 'playbooks') continue;
    const at =
      parts[1] === 'templates'
        ? { type: parts[2] as PlaybookType, segment: null }
        : parts[1] === 'segments' && parts[3] !== undefined
          ? { type: parts[3] as PlaybookType, segment: parts[2] ?? null }
          : undefined;
    if (at !== undefined) found.set(`${at.segment ?? ''}:${at.type}`, at);
  }
  return [...found.values()];
}

// ---- Checking a draft as a save would

interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  origin?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  expected?: unknown;
  format?: unknown;
}

const shareFields = new Set(
  signalRules.flatMap((rule) =>
    ruleFields[rule].filter((field) => field.kind === 'share').map((field) => field.field),
  ),
);
const ownerFields = new Set(['ownerId', 'ownerFallbackId', 'escalationOwnerId']);

function messageFor(issue: IssueLike): FieldMessage {
  const path = issue.path.map(String);
  const last = path.at(-1) ?? '';
  const bound = (value: unknown): number =>
    typeof value === 'number' && shareFields.has(last) ? toPercent(value) : Number(value);
  const key = (name: MessageKey, params?: FieldMessage['params']): FieldMessage =>
    params === undefined ? { key: name } : { key: name, params };
  if (path[1] === 'dueDays' && issue.code === 'custom') return key('settings.actions.error.dueOrder');
  if (path[1] === 'renewalWindow' && issue.code === 'custom')
    return key('settings.actions.error.windowOrder');
  if (ownerFields.has(last)) return key('settings.actions.error.ownerId');
  if (last === 'executiveTicketProperty') return key('settings.error.ticketProperty');
  if (last === 'steps' && issue.code === 'too_small') return key('settings.actions.error.noSteps');
  if (issue.origin === 'string' && issue.code === 'too_small')
    return key(last === 'title' ? 'settings.actions.error.stepTitle' : 'settings.actions.error.emptyText');
  if (issue.origin === 'string' && issue.code === 'too_big' && typeof issue.maximum === 'number')
    return key('settings.actions.error.tooLong', { max: issue.maximum });
  if (issue.code === 'invalid_type' && issue.expected === 'int') return key('settings.error.wholeNumber');
  if (issue.code === 'too_small' && typeof issue.minimum === 'number')
    return key('settings.error.atLeast', { min: bound(issue.minimum) });
  if (issue.code === 'too_big' && typeof issue.maximum === 'number')
    return key('settings.error.atMost', { max: bound(issue.maximum) });
  if (issue.code === 'invalid_type') return key('settings.error.number');
  return key('settings.error.other', { path: path.join('.') });
}

/** Checks a draft with the schema the service applies, field by field (the first message per field). */
export function validateActionDraft(
  draft: ActionDraft,
): { draft: ActionDraft; errors: undefined } | { errors: FieldErrors } {
  const result = actionSettingsEditWire.safeParse(draft);
  if (result.success) return { draft: result.data, errors: undefined };
  const errors: Record<string, FieldMessage> = {};
  for (const issue of result.error.issues) errors[issue.path.map(String).join('.')] ??= messageFor(issue);
  return { errors };
}

/** The tab that shows the field behind an error path. */
export function actionTabOf(path: string): 'signals' | 'automations' | 'playbooks' {
  if (path.startsWith('automations')) return 'automations';
  return path.startsWith('playbooks') ? 'playbooks' : 'signals';
}
