import type { SandboxStore } from '../store/sandbox-store.ts';
import { sandboxObjectTypes, type SandboxObjectType, type SandboxProperty } from '../store/sandbox-types.ts';
import { customerSuccessPropertySpecs, hubspotPropertySpecs } from './property-catalog.ts';
import type { PropertySpec } from './property-specs.ts';

export const CUSTOMER_SUCCESS_GROUP = 'customer_success';

/** HubSpot's own group per type, holding its own properties. */
const hubspotGroups: Record<SandboxObjectType, readonly [name: string, label: string]> = {
  companies: ['companyinformation', 'Company information'],
  contacts: ['contactinformation', 'Contact information'],
  deals: ['dealinformation', 'Deal information'],
  tickets: ['ticketinformation', 'Ticket information'],
  feedback_submissions: ['feedbacksubmissioninformation', 'Feedback submission information'],
  tasks: ['taskinformation', 'Task information'],
  notes: ['noteinformation', 'Note information'],
};

const fieldTypes: Record<SandboxProperty['type'], string> = {
  bool: 'booleancheckbox',
  date: 'date',
  datetime: 'date',
  enumeration: 'select',
  number: 'number',
  phone_number: 'phonenumber',
  string: 'text',
};

function toProperty(
  property: PropertySpec,
  groupName: string,
  hubspotDefined: boolean,
  displayOrder: number,
  at: number,
): SandboxProperty {
  return {
    name: property.name,
    label: property.label,
    type: property.type,
    fieldType: property.fieldType ?? fieldTypes[property.type],
    groupName,
    description: '',
    options: (property.options ?? []).map(([value, label], order) => ({
      label,
      value,
      displayOrder: order,
      hidden: false,
    })),
    displayOrder,
    hidden: false,
    // System and calculated values (ids, timestamps, counters) never appear on forms.
    formField: !/^(hs_|num_)/.test(property.name) && property.type !== 'datetime',
    hubspotDefined,
    createdAt: at,
    updatedAt: at,
    archived: false,
  };
}

/**
 * Registers the groups and property definitions of every type: HubSpot's own as of the portal's creation,
 * the customer-success ones as of when the CS team added them.
 */
export function registerPropertyDefinitions(
  store: SandboxStore,
  portalCreatedAt: number,
  customCreatedAt: number,
): void {
  for (const type of sandboxObjectTypes) {
    const groups = store.propertyGroups.get(type);
    const properties = store.properties.get(type);
    if (groups === undefined || properties === undefined) continue;
    const [groupName, groupLabel] = hubspotGroups[type];
    groups.set(groupName, { name: groupName, label: groupLabel, displayOrder: 0, archived: false });
    hubspotPropertySpecs[type].forEach((property, order) => {
      properties.set(property.name, toProperty(property, groupName, true, order, portalCreatedAt));
    });
    const custom = customerSuccessPropertySpecs[type];
    if (custom === undefined) continue;
    groups.set(CUSTOMER_SUCCESS_GROUP, {
      name: CUSTOMER_SUCCESS_GROUP,
      label: 'Customer success',
      displayOrder: 1,
      archived: false,
    });
    custom.forEach((property, order) => {
      properties.set(
        property.name,
        toProperty(property, CUSTOMER_SUCCESS_GROUP, false, order, customCreatedAt),
      );
    });
  }
}
