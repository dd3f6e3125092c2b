import { z } from 'zod';

import type { SandboxProperty, SandboxPropertyGroup } from '../../store/sandbox-types.ts';

export const propertyTypes = [
  'bool',
  'date',
  'datetime',
  'enumeration',
  'number',
  'phone_number',
  'string',
] as const;
export const fieldTypes = [
  'booleancheckbox',
  'calculation_equation',
  'checkbox',
  'date',
  'file',
  'html',
  'number',
  'phonenumber',
  'radio',
  'select',
  'text',
  'textarea',
] as const;

/** HubSpot's internal names: lowercase letters, digits and underscores, starting with a letter. */
export const internalName = z
  .string()
  .regex(
    /^[a-z][a-z0-9_]*$/,
    'must start with a lowercase letter and hold only lowercase letters, digits and _',
  );

// OptionInput requires `hidden`; it defaults to false here, as HubSpot's UI does.
export const optionInputSchema = z.object({
  label: z.string().min(1),
  value: z.string(),
  hidden: z.boolean().default(false),
  displayOrder: z.number().int().optional(),
  description: z.string().optional(),
});

export type OptionInput = z.infer<typeof optionInputSchema>;

export function toOptions(options: readonly OptionInput[]): SandboxProperty['options'] {
  return options.map((option, index) => ({
    label: option.label,
    value: option.value,
    hidden: option.hidden,
    displayOrder: option.displayOrder ?? index,
  }));
}

/**
 * HubSpot's Property. The sandbox keeps no unique-value, calculation or sensitivity settings, so those are
 * reported with HubSpot's defaults for an ordinary property.
 */
export function serializeProperty(property: SandboxProperty): Record<string, unknown> {
  return {
    name: property.name,
    label: property.label,
    type: property.type,
    fieldType: property.fieldType,
    description: property.description,
    groupName: property.groupName,
    options: property.options.map((option) => ({ ...option })),
    displayOrder: property.displayOrder,
    calculated: false,
    externalOptions: false,
    hasUniqueValue: false,
    hidden: property.hidden,
    hubspotDefined: property.hubspotDefined,
    modificationMetadata: {
      archivable: !property.hubspotDefined,
      readOnlyDefinition: property.hubspotDefined,
      readOnlyValue: false,
    },
    formField: property.formField,
    dataSensitivity: 'non_sensitive',
    createdAt: new Date(property.createdAt).toISOString(),
    updatedAt: new Date(property.updatedAt).toISOString(),
    archived: property.archived,
  };
}

export function serializeGroup(group: SandboxPropertyGroup): Record<string, unknown> {
  return { name: group.name, label: group.label, displayOrder: group.displayOrder, archived: group.archived };
}
