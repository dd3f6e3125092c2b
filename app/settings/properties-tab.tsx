import type { HealthModel, SettingsPropertyWire } from '@harbor/wire';
import type { Translate } from '@harbor/i18n';
import { DescriptionList, DescriptionListItem, Flex, Input, Select, Text } from '@hubspot/ui-extensions';

import { fieldError } from './field-error.ts';
import { setSupport } from './indicator-parameters-draft.ts';
import type { FieldErrors, PropertyFact } from './model-draft.ts';

export interface PropertiesTabProps {
  model: HealthModel;
  mappedProperties: Readonly<Record<string, readonly string[]>>;
  properties: readonly SettingsPropertyWire[];
  editable: boolean;
  errors: FieldErrors;
  onFact: (fact: PropertyFact, property: string | null) => void;
  onEdit: (update: (model: HealthModel) => HealthModel) => void;
  t: Translate;
}

/** Every fact the built-in indicators read, in the order a CSM thinks of them. */
export const propertyFacts: readonly PropertyFact[] = [
  'seats',
  'activeUsers',
  'logins',
  'loginsPrevious',
  'featuresUsed',
  'lastActivity',
  'daysPastDue',
  'invoiceStatus',
  'lastCsmTouch',
  'lastMeeting',
  'lastReply',
];

const objectTypes = ['companies', 'deals', 'tickets', 'contacts', 'feedback_submissions'] as const;
/** Select values cannot be null: this one stands for "not mapped". */
const unmapped = '';

/** Which HubSpot properties hold the facts the score reads, and what Harbor syncs per object type. */
export function PropertiesTab({
  model,
  mappedProperties,
  properties,
  editable,
  errors,
  onFact,
  onEdit,
  t,
}: PropertiesTabProps) {
  const options = (current: string | null) => {
    const listed = properties.map((property) => ({
      label: property.label === property.name ? property.name : `${property.label} (${property.name})`,
      value: property.name,
    }));
    const known = current === null || listed.some((option) => option.value === current);
    return [
      { label: t('settings.mapping.none'), value: unmapped },
      ...(known ? [] : [{ label: current, value: current }]),
      ...listed,
    ];
  };
  return (
    <Flex direction="column" gap="md">
      <Text variant="microcopy">{t('settings.mapping.help')}</Text>
      {propertyFacts.map((fact) => {
        const current = model.properties[fact];
        const error = errors[`properties.${fact}`];
        return (
          <Select
            key={fact}
            testId={`properties.${fact}`}
            name={`properties.${fact}`}
            label={t(`settings.fact.${fact}`)}
            options={options(current)}
            value={current ?? unmapped}
            readOnly={!editable}
            error={error !== undefined}
            {...(error === undefined ? {} : { validationMessage: t(error.key, error.params) })}
            onChange={(value) => {
              onFact(fact, value === unmapped ? null : String(value));
            }}
          />
        );
      })}
      {/* The settings view lists company properties only, so a ticket property is typed by its name. */}
      <Input
        testId="support.escalationProperty"
        name="support.escalationProperty"
        label={t('settings.fact.escalation')}
        description={t('settings.fact.escalationHelp')}
        placeholder={t('settings.mapping.none')}
        value={model.support.escalationProperty ?? ''}
        readOnly={!editable}
        {...fieldError(errors, 'support.escalationProperty', t)}
        onChange={(value) => {
          onEdit((draft) => setSupport(draft, { escalationProperty: value === '' ? null : value }));
        }}
      />
      <Text format={{ fontWeight: 'bold' }}>{t('settings.synced.title')}</Text>
      <Text variant="microcopy">{t('settings.synced.help')}</Text>
      <DescriptionList direction="column">
        {objectTypes.map((type) => (
          <DescriptionListItem key={type} label={t(`settings.objectType.${type}`)}>
            <Text>
              {(mappedProperties[type] ?? []).length === 0
                ? t('settings.mapping.none')
                : (mappedProperties[type] ?? []).join(', ')}
            </Text>
          </DescriptionListItem>
        ))}
      </DescriptionList>
    </Flex>
  );
}
