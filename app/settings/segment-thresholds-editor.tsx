import type { Translate } from '@harbor/i18n';
import { Accordion, Button, Flex, Select, Text } from '@hubspot/ui-extensions';

import {
  overridableFields,
  ruleValue,
  segmentOverrides,
  segmentValue,
  setSegmentValue,
  toPercent,
  type ActionDraft,
} from './action-settings-draft.ts';
import type { FieldErrors } from './model-draft.ts';
import { fieldLabel, RuleFieldInput } from './signal-rule-editor.tsx';

export interface SegmentThresholdsEditorProps {
  draft: ActionDraft;
  /** The health model's segments. */
  segments: readonly string[];
  editable: boolean;
  errors: FieldErrors;
  onEdit: (update: (draft: ActionDraft) => ActionDraft) => void;
  t: Translate;
}

/**
 * Thresholds a segment holds its companies to instead of the portal's: each listed with the portal's value
 * beside it and a button to go back to it, and any other threshold added from a list.
 */
export function SegmentThresholdsEditor({
  draft,
  segments,
  editable,
  errors,
  onEdit,
  t,
}: SegmentThresholdsEditorProps) {
  const names = [...new Set([...segments, ...Object.keys(draft.signals.segments)])];
  return (
    <Flex direction="column" gap="sm">
      <Text variant="microcopy">{t('settings.signals.segments.help')}</Text>
      {names.map((segment) => {
        const own = segmentOverrides(draft, segment);
        const free = overridableFields.filter(
          ({ rule, field }) => segmentValue(draft, segment, rule, field.field) === undefined,
        );
        return (
          <Accordion
            key={segment}
            testId={`signal-segment-${segment}`}
            title={t('settings.signals.segments.title', { segment, count: own.length })}
            size="small"
          >
            <Flex direction="column" gap="sm">
              {own.length === 0 && <Text>{t('settings.signals.segments.none')}</Text>}
              {own.map(({ rule, field }) => {
                const path = `signals.segments.${segment}.${rule}.${field.field}`;
                const portal = ruleValue(draft, rule, field.field);
                const portalText =
                  typeof portal === 'number'
                    ? String(field.kind === 'share' ? toPercent(portal) : portal)
                    : portal === true
                      ? t('settings.signals.on')
                      : t('settings.signals.off');
                return (
                  <Flex key={path} direction="column" gap="xs">
                    <RuleFieldInput
                      testId={path}
                      rule={rule}
                      field={field}
                      label={`${t(`signal.type.${rule}`)} · ${fieldLabel(rule, field.field, t)}`}
                      value={segmentValue(draft, segment, rule, field.field)}
                      editable={editable}
                      errors={errors}
                      path={path}
                      onChange={(value) => {
                        onEdit((current) => setSegmentValue(current, segment, rule, field.field, value));
                      }}
                      t={t}
                    />
                    <Flex direction="row" gap="sm" align="center">
                      <Text variant="microcopy">
                        {t('settings.signals.segments.portal', { value: portalText })}
                      </Text>
                      {editable && (
                        <Button
                          testId={`${path}.remove`}
                          size="extra-small"
                          variant="transparent"
                          onClick={() => {
                            onEdit((current) =>
                              setSegmentValue(current, segment, rule, field.field, undefined),
                            );
                          }}
                        >
                          {t('settings.signals.segments.usePortal')}
                        </Button>
                      )}
                    </Flex>
                  </Flex>
                );
              })}
              {editable && free.length > 0 && (
                <Select
                  testId={`signal-segment-${segment}.add`}
                  name={`signal-segment-${segment}.add`}
                  label={t('settings.signals.segments.add')}
                  description={t('settings.signals.segments.addHelp')}
                  options={free.map(({ rule, field }) => ({
                    label: `${t(`signal.type.${rule}`)} · ${fieldLabel(rule, field.field, t)}`,
                    value: `${rule}.${field.field}`,
                  }))}
                  onChange={(picked) => {
                    const [rule, field] = String(picked).split('.');
                    const chosen = free.find((entry) => entry.rule === rule && entry.field.field === field);
                    if (chosen === undefined) return;
                    // Starts from the portal's value, so adding it changes nothing until it is edited.
                    onEdit((current) =>
                      setSegmentValue(
                        current,
                        segment,
                        chosen.rule,
                        chosen.field.field,
                        ruleValue(current, chosen.rule, chosen.field.field),
                      ),
                    );
                  }}
                />
              )}
            </Flex>
          </Accordion>
        );
      })}
    </Flex>
  );
}
