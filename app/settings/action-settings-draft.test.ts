import {
  defaultAutomationSettings,
  defaultPlaybooks,
  defaultPlaybookSettings,
  defaultSignalSettings,
  playbookTypes,
  type PlaybookTemplate,
  type PlaybookType,
} from '@harbor/wire';
import { catalogue, type MessageKey } from '@harbor/i18n';
import { describe, expect, it } from 'vitest';

import {
  actionFromValue,
  actionValue,
  addStep,
  addText,
  editTemplate,
  effectiveTemplate,
  fromPercent,
  moveStep,
  resetTemplate,
  ruleFields,
  segmentOverrides,
  setRuleValue,
  setSegmentValue,
  signalRules,
  templatesWithErrors,
  toPercent,
  updateStep,
  validateActionDraft,
  type ActionDraft,
} from './action-settings-draft.ts';

const draft: ActionDraft = structuredClone({
  signals: defaultSignalSettings,
  playbooks: defaultPlaybookSettings,
  automations: defaultAutomationSettings,
});
const shipped = Object.fromEntries(playbookTypes.map((type) => [type, defaultPlaybooks[type].en])) as Record<
  PlaybookType,
  PlaybookTemplate
>;

describe('editing signals, automations and playbooks in a draft', () => {
  it('when the shipped settings are checked, then they pass as they are', () => {
    expect(validateActionDraft(draft).errors).toBeUndefined();
  });

  it('when a share is typed as a percentage, then it is stored as a share, and its limits are shown as percentages', () => {
    expect(fromPercent(35)).toBe(0.35);
    expect(toPercent(0.4)).toBe(40);
    const edited = setRuleValue(draft, 'usage_drop', 'minDropShare', fromPercent(2));
    expect(validateActionDraft(edited).errors).toEqual({
      'signals.defaults.usage_drop.minDropShare': { key: 'settings.error.atLeast', params: { min: 5 } },
    });
  });

  it('when due days run the wrong way or an owner id has letters, then each field gets its own message', () => {
    const edited = {
      ...draft,
      signals: {
        ...draft.signals,
        dueDays: { critical: 6, high: 5, medium: 10, low: 20 },
        routing: { ...draft.signals.routing, escalationOwnerId: 'ana' },
      },
    };
    expect(validateActionDraft(edited).errors).toEqual({
      'signals.dueDays.critical': { key: 'settings.actions.error.dueOrder' },
      'signals.routing.escalationOwnerId': { key: 'settings.actions.error.ownerId' },
    });
  });

  it('when a segment gets its own threshold and gives it back, then only what was set stays in the overrides', () => {
    const own = setSegmentValue(draft, 'SMB', 'usage_drop', 'minPreviousLogins', 10);
    expect(own.signals.segments.SMB).toEqual({
      low_health: { belowScore: 74 },
      usage_drop: { minPreviousLogins: 10 },
    });
    expect(segmentOverrides(own, 'SMB').map(({ rule, field }) => `${rule}.${field.field}`)).toEqual([
      'low_health.belowScore',
      'usage_drop.minPreviousLogins',
    ]);
    const back = setSegmentValue(
      setSegmentValue(own, 'SMB', 'usage_drop', 'minPreviousLogins', undefined),
      'SMB',
      'low_health',
      'belowScore',
      undefined,
    );
    expect(back.signals.segments).toEqual({ ENTERPRISE: { low_health: { belowScore: 59 } } });
  });

  it('when a title is added twice in another case, then it is listed once', () => {
    expect(addText(['CEO'], ' ceo ')).toEqual(['CEO']);
    expect(addText(['CEO'], 'Head of CS')).toEqual(['CEO', 'Head of CS']);
  });

  it('when an action is picked in the select, then it round-trips to what the schema takes', () => {
    for (const action of [
      { kind: 'start_playbook', playbook: 'risk' },
      { kind: 'create_task' },
      { kind: 'open_signal' },
    ] as const)
      expect(actionFromValue(actionValue(action))).toEqual(action);
  });

  it('when a segment’s playbook is edited, then the shown template is copied to the segment and the portal keeps the default', () => {
    expect(effectiveTemplate(draft, shipped, 'renewal', 'SMB').source).toBe('default');
    const edited = editTemplate(draft, shipped, 'renewal', 'SMB', (template) =>
      updateStep(template, 0, { dueInDays: 3 }),
    );
    const seen = effectiveTemplate(edited, shipped, 'renewal', 'SMB');
    expect(seen.source).toBe('segment');
    expect(seen.template.steps[0]).toEqual({ ...shipped.renewal.steps[0], dueInDays: 3 });
    expect(seen.template.steps).toHaveLength(shipped.renewal.steps.length);
    expect(effectiveTemplate(edited, shipped, 'renewal', null).source).toBe('default');
    expect(effectiveTemplate(edited, shipped, 'renewal', 'ENTERPRISE').source).toBe('default');

    const reset = resetTemplate(edited, 'renewal', 'SMB');
    expect(reset.playbooks.segments).toEqual({});
  });

  it('when steps are added and moved, then the order changes and either end stays put', () => {
    const template = addStep(shipped.onboarding, 'Check in');
    const last = template.steps.length - 1;
    expect(template.steps[last]?.title).toBe('Check in');
    const moved = moveStep(template, last, -1);
    expect(moved.steps[last - 1]?.title).toBe('Check in');
    expect(moveStep(moved, 0, -1)).toEqual(moved);
  });

  it('when a step loses its title, then the error names the template it is in', () => {
    const edited = editTemplate(draft, shipped, 'risk', 'ENTERPRISE', (template) =>
      updateStep(template, 0, { title: ' ' }),
    );
    const { errors } = validateActionDraft(edited);
    expect(errors).toEqual({
      'playbooks.segments.ENTERPRISE.risk.steps.0.title': { key: 'settings.actions.error.stepTitle' },
    });
    expect(templatesWithErrors(errors ?? {})).toEqual([{ type: 'risk', segment: 'ENTERPRISE' }]);
  });

  it('when the tabs show a rule’s threshold, then it has a label and an explanation in every language', () => {
    for (const messages of Object.values(catalogue))
      for (const rule of signalRules) {
        expect(messages[`settings.signals.rule.${rule}.help` as MessageKey], rule).toBeDefined();
        for (const { field } of ruleFields[rule]) {
          expect(messages[`settings.signals.field.${rule}.${field}` as MessageKey], field).toBeDefined();
          expect(messages[`settings.signals.field.${rule}.${field}.help` as MessageKey], field).toBeDefined();
        }
      }
    // Every field the rules have is on the page (all but the on/off switch).
    for (const rule of signalRules)
      expect(ruleFields[rule].map(({ field }) => field).sort()).toEqual(
        Object.keys(defaultSignalSettings.defaults[rule])
          .filter((field) => field !== 'enabled')
          .sort(),
      );
  });
});
