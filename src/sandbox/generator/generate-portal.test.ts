import { createHash } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import {
  createdProperty,
  lastModifiedProperty,
  sandboxObjectTypes,
  type SandboxObjectType,
} from '../store/sandbox-types.ts';
import { generatePortal, type GeneratedPortal } from './generate-portal.ts';

const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);
const DAY = 86_400_000;
const portal = generatePortal({ companies: 300, seed: 42, now: NOW });
const { store } = portal;

function fingerprint(generated: GeneratedPortal): string {
  const hash = createHash('sha256');
  const { store: s } = generated;
  hash.update(JSON.stringify([s.portalId, s.owners, s.pipelines, generated.truth, generated.records]));
  for (const type of sandboxObjectTypes) {
    hash.update(
      JSON.stringify([
        type,
        [...(s.properties.get(type)?.values() ?? [])],
        [...(s.propertyGroups.get(type)?.values() ?? [])],
      ]),
    );
    for (const record of s.tables[type].all()) {
      hash.update(JSON.stringify(record));
      for (const toType of sandboxObjectTypes)
        hash.update(JSON.stringify(s.associations.ids(type, record.id, toType)));
    }
  }
  return hash.digest('hex');
}

const optionalKeys: Partial<Record<SandboxObjectType, readonly string[]>> = {
  companies: ['hs_last_booked_meeting_date', 'churn_date'],
  tickets: ['closed_date', 'time_to_close'],
  feedback_submissions: ['hs_content'],
};
const generatedTypes = ['companies', 'contacts', 'deals', 'tickets', 'feedback_submissions'] as const;
/** Company properties that change for every customer (meetings when held, status and churn for churners). */
const historyKeys = [
  'active_users_30d',
  'logins_30d',
  'logins_prev_30d',
  'features_used',
  'days_past_due',
  'last_login_date',
  'notes_last_contacted',
  'invoice_status',
];
const valuePatterns = {
  date: /^\d{4}-\d{2}-\d{2}$/,
  datetime: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/,
  number: /^-?\d+(\.\d+)?$/,
  bool: /^(true|false)$/,
} as const;

describe('generatePortal', () => {
  it('when called twice with the same options, then the portal is identical; another seed differs', () => {
    const again = generatePortal({ companies: 300, seed: 42, now: NOW });
    const other = generatePortal({ companies: 300, seed: 43, now: NOW });
    expect(fingerprint(again)).toBe(fingerprint(portal));
    expect(fingerprint(other)).not.toBe(fingerprint(portal));
  });

  it('when a portal is smaller, then its truth rows are the first rows of the larger one', () => {
    const small = generatePortal({ companies: 20, seed: 42, now: NOW });
    expect(small.truth).toEqual(portal.truth.slice(0, 20));
  });

  it('when generated, then the record count matches the tables and owners scale with companies', () => {
    const counts = store.counts();
    expect(portal.records).toBe(generatedTypes.reduce((sum, type) => sum + counts[type], 0));
    expect(counts.companies).toBe(300);
    expect(portal.truth).toHaveLength(300);
    expect(store.owners).toHaveLength(8);
    expect(new Set(store.owners.map((owner) => owner.email)).size).toBe(8);
    expect(store.portalId).toBe(9_000_001);
  });

  it.each(generatedTypes)('when %s are generated, then every record carries valid wire strings', (type) => {
    const definitions = store.properties.get(type);
    let baseKeys: string[] | undefined;
    const optional = optionalKeys[type] ?? [];
    for (const record of store.tables[type].all()) {
      const { properties } = record;
      expect(properties.hs_object_id).toBe(record.id);
      expect(properties[createdProperty[type]]).toBe(new Date(record.createdAt).toISOString());
      expect(properties[lastModifiedProperty[type]]).toBe(new Date(record.updatedAt).toISOString());
      expect(record.createdAt).toBeLessThanOrEqual(record.updatedAt);
      expect(record.updatedAt).toBeLessThanOrEqual(NOW);
      const keys = Object.keys(properties);
      const fixed = keys.filter((key) => !optional.includes(key));
      baseKeys ??= fixed;
      expect(fixed).toEqual(baseKeys);
      expect(keys.slice(fixed.length)).toEqual(optional.filter((key) => key in properties));
      for (const [name, value] of Object.entries(properties)) {
        expect(typeof value, `${type}.${name}`).toBe('string');
        const definition = definitions?.get(name);
        expect(definition, `${type}.${name} is registered`).toBeDefined();
        if (definition === undefined) continue;
        if (definition.type in valuePatterns) {
          expect(value, `${type}.${name}`).toMatch(
            valuePatterns[definition.type as keyof typeof valuePatterns],
          );
        }
        if (definition.type === 'enumeration' && definition.options.length > 0) {
          expect(
            definition.options.map((option) => option.value),
            `${type}.${name}`,
          ).toContain(value);
        }
      }
    }
  });

  it('when deals and tickets are generated, then each belongs to exactly one company and a valid stage', () => {
    const dealStages = new Map(store.pipelines.deals.map((p) => [p.id, new Set(p.stages.map((s) => s.id))]));
    for (const deal of store.tables.deals.all()) {
      const companies = store.associations.ids('deals', deal.id, 'companies');
      expect(companies).toHaveLength(1);
      expect(store.tables.companies.get(companies[0] ?? '')).toBeDefined();
      expect(dealStages.get(deal.properties.pipeline ?? '')?.has(deal.properties.dealstage ?? '')).toBe(true);
    }
    for (const ticket of store.tables.tickets.all()) {
      const [companyId, ...otherCompanies] = store.associations.ids('tickets', ticket.id, 'companies');
      const contacts = store.associations.ids('tickets', ticket.id, 'contacts');
      expect(otherCompanies).toHaveLength(0);
      expect(contacts).toHaveLength(1);
      expect(store.associations.ids('contacts', contacts[0] ?? '', 'companies')).toEqual([companyId]);
      expect(ticket.properties.hs_pipeline).toBe('0');
      expect(['1', '2', '3', '4']).toContain(ticket.properties.hs_pipeline_stage);
      expect(ticket.properties.closed_date !== undefined).toBe(ticket.properties.hs_pipeline_stage === '4');
    }
  });

  it('when feedback and contacts are generated, then each links to a contact of an existing company', () => {
    for (const submission of store.tables.feedback_submissions.all()) {
      const contacts = store.associations.ids('feedback_submissions', submission.id, 'contacts');
      expect(contacts).toEqual([submission.properties.hs_contact_id]);
      const companies = store.associations.ids('contacts', contacts[0] ?? '', 'companies');
      expect(companies).toHaveLength(1);
      expect(store.tables.companies.get(companies[0] ?? '')).toBeDefined();
    }
    for (const contact of store.tables.contacts.all()) {
      expect(store.associations.ids('contacts', contact.id, 'companies')).toEqual([
        contact.properties.associatedcompanyid,
      ]);
    }
  });

  it('when companies are generated, then counts, owners and history agree with the records', () => {
    const ownerIds = new Set(store.owners.map((owner) => owner.id));
    for (const company of store.tables.companies.all()) {
      const { properties, history } = company;
      expect(ownerIds.has(properties.hubspot_owner_id ?? '')).toBe(true);
      expect(company.createdAt).toBeLessThan(NOW - 365 * DAY);
      expect(company.createdAt).toBeGreaterThanOrEqual(NOW - 6 * 365 * DAY);
      expect(Date.parse(properties.contract_start_date ?? '')).toBeGreaterThan(company.createdAt);
      expect(properties.num_associated_contacts).toBe(
        String(store.associations.ids('companies', company.id, 'contacts').length),
      );
      expect(properties.num_associated_deals).toBe(
        String(store.associations.ids('companies', company.id, 'deals').length),
      );
      expect(Object.keys(history ?? {})).toEqual(expect.arrayContaining(historyKeys));
      for (const [name, versions] of Object.entries(history ?? {})) {
        expect(versions[0]?.value, name).toBe(properties[name]);
        expect(versions[0]?.timestamp, name).toBeLessThanOrEqual(company.updatedAt);
        expect(versions.at(-1)?.timestamp, name).toBeGreaterThanOrEqual(company.createdAt);
        for (let i = 1; i < versions.length; i += 1) {
          expect(versions[i]?.timestamp, name).toBeLessThan(versions[i - 1]?.timestamp ?? 0);
          expect(versions[i]?.value, name).not.toBe(versions[i - 1]?.value);
        }
      }
    }
  });
});
