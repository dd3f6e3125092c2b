import { defaultAssociationTypeId } from '../../store/association-types.ts';
import type { SandboxStore } from '../../store/sandbox-store.ts';
import type { SandboxObjectType, SandboxProperty } from '../../store/sandbox-types.ts';
import { createSeededRandom, type SeededRandom } from './seeded-random.pure.ts';

export type MutationKind = 'updated' | 'created' | 'archived' | 'merged' | 'associated' | 'dissociated';
type MutatedType = 'companies' | 'deals' | 'tickets' | 'contacts';
type UpdatedType = 'companies' | 'deals' | 'tickets';

export interface MutationResult {
  applied: number;
  /** Record ids per type and kind of change; `merged` lists the companies merged away into another one. */
  changes: Partial<Record<MutatedType, Partial<Record<MutationKind, string[]>>>>;
}

/** What a CS team's portal sees change day to day; used when the record has them. */
const EVERYDAY_PROPERTIES: Record<UpdatedType, readonly string[]> = {
  companies: [
    'active_users_30d',
    'logins_30d',
    'features_used',
    'days_past_due',
    'invoice_status',
    'numberofemployees',
    'annualrevenue',
    'num_contacted_notes',
  ],
  deals: ['amount', 'dealtype'],
  tickets: ['hs_ticket_priority', 'hs_ticket_category', 'content'],
};

// Identity, system, calculated and pipeline fields stay put: a random stage could break a deal's pipeline.
const FIXED_PROPERTY =
  /^(hs_object_id|name|domain|dealname|subject|pipeline|dealstage|hs_pipeline(_stage)?|hs_merged_object_ids|hubspot_owner_id|hs_is_.*|num_associated_.*|customer_status|.*date|.*_id)$/;

const NOTE_PROPERTY: Record<UpdatedType, string> = {
  companies: 'description',
  deals: 'description',
  tickets: 'content',
};

/**
 * Applies `count` scripted changes to a portal through the store's mutation methods (so webhooks fire): about
 * 80% property updates on companies, deals and tickets, then creations, association changes, archives and
 * company merges. The same seed on the same portal state gives the same changes.
 */
export function applyPortalMutations(
  store: SandboxStore,
  options: { count: number; seed: string | number; now: number },
): MutationResult {
  const random = createSeededRandom(`mutate:${String(options.seed)}`);
  const live = liveIds(store);
  const result: MutationResult = { applied: 0, changes: {} };
  const note = (type: MutatedType, kind: MutationKind, id: string): void => {
    const byKind = (result.changes[type] ??= {});
    (byKind[kind] ??= []).push(id);
  };
  const context: MutationContext = { store, random, live, now: options.now, note };
  for (let index = 0; index < options.count; index += 1) {
    const roll = random.next();
    const done =
      roll < 0.8
        ? updateOne(context)
        : roll < 0.86
          ? createOne(context)
          : roll < 0.93
            ? changeAssociation(context)
            : roll < 0.97
              ? archiveOne(context)
              : mergeCompanies(context);
    // Fall back to an update when the chosen change has nothing to work on (e.g. no deals yet).
    if (done || updateOne(context)) result.applied += 1;
  }
  return result;
}

interface MutationContext {
  store: SandboxStore;
  random: SeededRandom;
  live: Record<MutatedType, string[]>;
  now: number;
  note: (type: MutatedType, kind: MutationKind, id: string) => void;
}

function updateOne({ store, random, live, now, note }: MutationContext): boolean {
  const candidates = (['companies', 'deals', 'tickets'] as const).filter((type) => live[type].length > 0);
  if (candidates.length === 0) return false;
  const type = random.pick(candidates);
  const id = random.pick(live[type]);
  const record = store.tables[type].get(id);
  if (record === undefined) return false;
  const definitions = store.properties.get(type);
  const present = EVERYDAY_PROPERTIES[type].filter((name) => record.properties[name] !== undefined);
  const defined = EVERYDAY_PROPERTIES[type].filter((name) => definitions?.has(name) === true);
  // Records made by the script lack most everyday values; hand-built portals lack the definitions too.
  const names =
    present.length > 0
      ? present
      : defined.length > 0
        ? defined
        : Object.keys(record.properties).filter((name) => !FIXED_PROPERTY.test(name));
  const options: [string, string][] = [];
  for (const name of names) {
    const definition = definitions?.get(name);
    const value = record.properties[name] ?? '';
    const next = nextValue(random, value, definition);
    if (next !== undefined && next !== value) options.push([name, next]);
  }
  const [name, value] =
    options.length > 0 ? random.pick(options) : [NOTE_PROPERTY[type], `Sandbox note ${random.int(1, 1e9)}`];
  store.updateRecord(type, id, { [name]: value }, now);
  note(type, 'updated', id);
  return true;
}

function nextValue(
  random: SeededRandom,
  value: string,
  definition: SandboxProperty | undefined,
): string | undefined {
  const enumValues = definition?.options.map((option) => option.value) ?? [];
  if (enumValues.length > 1) return random.pick(enumValues.filter((option) => option !== value));
  if (value === 'true' || value === 'false') return value === 'true' ? 'false' : 'true';
  if (value === '' && definition?.type === 'number') return String(random.int(1, 10));
  if (/^-?\d+(\.\d+)?$/.test(value)) {
    const number = Number(value);
    if (!Number.isInteger(number)) return (number * (0.9 + random.next() * 0.2)).toFixed(2);
    const step = Math.max(1, Math.round(Math.abs(number) * 0.1));
    return String(Math.max(0, number + random.pick([-1, 1]) * random.int(1, step)));
  }
  return definition?.type === 'string'
    ? `Updated by the sandbox change script (${random.int(1, 1e9)}).`
    : undefined;
}

function createOne({ store, random, live, now, note }: MutationContext): boolean {
  const type = random.pick(['companies', 'deals', 'tickets'] as const);
  const suffix = random.int(1, 1e9);
  if (type === 'companies') {
    const record = store.createRecord(
      'companies',
      { name: `Sandbox Company ${suffix}`, domain: `sandbox-${suffix}.example.com` },
      now,
    );
    live.companies.push(record.id);
    note('companies', 'created', record.id);
    return true;
  }
  if (live.companies.length === 0) return false;
  const companyId = random.pick(live.companies);
  const pipeline = store.pipelines[type][0];
  const stage = pipeline?.stages[0]?.id;
  const properties: Record<string, string> =
    type === 'deals'
      ? {
          dealname: `Sandbox deal ${suffix}`,
          amount: String(random.int(10, 500) * 100),
          pipeline: pipeline?.id ?? 'default',
          dealstage: stage ?? 'appointmentscheduled',
          closedate: new Date(now + 30 * 86_400_000).toISOString(),
        }
      : {
          subject: `Sandbox ticket ${suffix}`,
          content: 'Raised by the sandbox change script.',
          hs_pipeline: pipeline?.id ?? '0',
          hs_pipeline_stage: stage ?? '1',
          hs_ticket_priority: random.pick(['LOW', 'MEDIUM', 'HIGH']),
        };
  // Calculated flags the generator stores on every deal; a new deal starts open.
  for (const flag of ['hs_is_closed', 'hs_is_closed_won']) {
    if (type === 'deals' && store.properties.get('deals')?.has(flag) === true) properties[flag] = 'false';
  }
  const ownerId = store.tables.companies.get(companyId)?.properties.hubspot_owner_id;
  if (ownerId !== undefined) properties.hubspot_owner_id = ownerId;
  const record = store.createRecord(type, properties, now);
  store.associate(
    type,
    record.id,
    'companies',
    companyId,
    defaultAssociationTypeId(type, 'companies') ?? 0,
    now,
  );
  live[type].push(record.id);
  note(type, 'created', record.id);
  note(type, 'associated', record.id);
  return true;
}

function changeAssociation({ store, random, live, now, note }: MutationContext): boolean {
  if (live.companies.length === 0) return false;
  const pool = (['deals', 'tickets', 'contacts'] as const).filter((type) => live[type].length > 0);
  if (pool.length === 0) return false;
  const type = random.pick(pool);
  const id = random.pick(live[type]);
  const linked = store.associations.ids(type, id, 'companies');
  const typeId = defaultAssociationTypeId(type, 'companies') ?? 0;
  if (linked.length > 0 && random.next() < 0.5) {
    store.dissociate(type, id, 'companies', random.pick(linked), typeId, now);
    note(type, 'dissociated', id);
    return true;
  }
  const unlinked = live.companies.filter((companyId) => !linked.includes(companyId));
  if (unlinked.length === 0) return false;
  store.associate(type, id, 'companies', random.pick(unlinked), typeId, now);
  note(type, 'associated', id);
  return true;
}

function archiveOne({ store, random, live, now, note }: MutationContext): boolean {
  const pool = (['deals', 'tickets'] as const).filter((type) => live[type].length > 0);
  if (pool.length === 0) return false;
  const type = random.pick(pool);
  const id = random.pick(live[type]);
  if (!store.archiveRecord(type, id, now)) return false;
  live[type] = live[type].filter((liveId) => liveId !== id);
  note(type, 'archived', id);
  return true;
}

function mergeCompanies({ store, random, live, now, note }: MutationContext): boolean {
  if (live.companies.length < 3) return false;
  const primaryId = random.pick(live.companies);
  const mergedId = random.pick(live.companies.filter((id) => id !== primaryId));
  if (!store.mergeRecords('companies', primaryId, mergedId, now)) return false;
  live.companies = live.companies.filter((id) => id !== mergedId);
  note('companies', 'merged', mergedId);
  return true;
}

function liveIds(store: SandboxStore): Record<MutatedType, string[]> {
  const ids = (type: SandboxObjectType): string[] => {
    const list: string[] = [];
    for (const record of store.tables[type].all()) if (!record.archived) list.push(record.id);
    return list;
  };
  return {
    companies: ids('companies'),
    deals: ids('deals'),
    tickets: ids('tickets'),
    contacts: ids('contacts'),
  };
}
