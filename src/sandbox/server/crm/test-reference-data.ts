import type { SandboxStore } from '../../store/sandbox-store.ts';
import type { SandboxObjectType, SandboxProperty } from '../../store/sandbox-types.ts';

/** When the first test record was created; record `i` of a type is created `i` days later. */
export const epoch = Date.parse('2026-01-01T00:00:00.000Z');

function defineProperty(
  store: SandboxStore,
  type: SandboxObjectType,
  property: Pick<SandboxProperty, 'name' | 'type' | 'fieldType'> & Partial<SandboxProperty>,
): void {
  store.properties.get(type)?.set(property.name, {
    label: property.name,
    groupName: 'companyinformation',
    description: '',
    options: [],
    displayOrder: -1,
    hidden: false,
    formField: true,
    hubspotDefined: true,
    createdAt: epoch,
    updatedAt: epoch,
    archived: false,
    ...property,
  });
}

/** Company properties of several types and their group, as a portal defines them. */
export function defineCompanyProperties(store: SandboxStore): void {
  store.propertyGroups.get('companies')?.set('companyinformation', {
    name: 'companyinformation',
    label: 'Company information',
    displayOrder: 0,
    archived: false,
  });
  const options = ['SOFTWARE', 'RETAIL', 'HEALTHCARE'].map((value, displayOrder) => ({
    label: value.toLowerCase(),
    value,
    displayOrder,
    hidden: false,
  }));
  defineProperty(store, 'companies', { name: 'name', type: 'string', fieldType: 'text' });
  defineProperty(store, 'companies', { name: 'domain', type: 'string', fieldType: 'text' });
  defineProperty(store, 'companies', { name: 'industry', type: 'enumeration', fieldType: 'select', options });
  defineProperty(store, 'companies', { name: 'annualrevenue', type: 'number', fieldType: 'number' });
  defineProperty(store, 'companies', {
    name: 'health_score',
    type: 'number',
    fieldType: 'number',
    hubspotDefined: false,
  });
  defineProperty(store, 'companies', { name: 'renewal_date', type: 'date', fieldType: 'date' });
  defineProperty(store, 'companies', { name: 'is_key_account', type: 'bool', fieldType: 'booleancheckbox' });
  defineProperty(store, 'companies', { name: 'createdate', type: 'datetime', fieldType: 'date' });
  defineProperty(store, 'companies', { name: 'hs_lastmodifieddate', type: 'datetime', fieldType: 'date' });
  defineProperty(store, 'companies', { name: 'hs_object_id', type: 'number', fieldType: 'number' });
}

/** Owners (one archived) and one deal and one ticket pipeline. */
export function addReferenceData(store: SandboxStore): void {
  const owner = (id: string, userId: number, archived: boolean): SandboxStore['owners'][number] => ({
    id,
    email: `owner-${id}@harbor.example`,
    firstName: 'Owner',
    lastName: id,
    userId,
    type: 'PERSON',
    archived,
    createdAt: epoch,
    updatedAt: epoch,
  });
  store.owners.push(owner('101', 9001, false), owner('102', 9002, false), owner('103', 9003, true));
  const stage = (id: string, displayOrder: number, metadata: Record<string, string>) => ({
    id,
    label: id,
    displayOrder,
    metadata,
    archived: false,
    createdAt: epoch,
    updatedAt: epoch,
  });
  store.pipelines.deals.push({
    id: 'default',
    label: 'Sales Pipeline',
    displayOrder: 0,
    archived: false,
    createdAt: epoch,
    updatedAt: epoch,
    stages: [
      stage('closedwon', 1, { isClosed: 'true', probability: '1.0' }),
      stage('appointmentscheduled', 0, { isClosed: 'false', probability: '0.2' }),
      stage('closedlost', 2, { isClosed: 'true', probability: '0.0' }),
    ],
  });
  store.pipelines.tickets.push({
    id: '0',
    label: 'Support Pipeline',
    displayOrder: 0,
    archived: false,
    createdAt: epoch,
    updatedAt: epoch,
    stages: [stage('1', 0, { ticketState: 'OPEN' }), stage('4', 1, { ticketState: 'CLOSED' })],
  });
}
