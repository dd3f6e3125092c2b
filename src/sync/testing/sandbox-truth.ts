import { propertiesToReturn } from '../../sandbox/server/crm/default-properties.ts';
import type { SandboxStore } from '../../sandbox/store/sandbox-store.ts';
import { lastModifiedProperty } from '../../sandbox/store/sandbox-types.ts';
import { companyLinkedTypes } from '../sync-catalog.pure.ts';
import { syncedObjectTypes, type SyncedObjectType } from '../sync-types.ts';
import { byId, compareText, type StoreSnapshot } from './store-snapshot.ts';

function pick(values: Record<string, string>, names: readonly string[]): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of [...names].sort(compareText)) {
    const value = values[name];
    // HubSpot leaves properties without a value out of its answers.
    if (value !== undefined && value !== '') picked[name] = value;
  }
  return picked;
}

/**
 * What the store must hold after syncing `store`, worked out from the sandbox's own data (not through the
 * sync): live records with the properties asked for (plus the ones HubSpot always returns), every
 * deal/ticket/contact → company link, feedback linked through its associated contact (else hs_contact_id), active owners and stages.
 */
export function sandboxSnapshot(
  store: SandboxStore,
  properties: Record<SyncedObjectType, readonly string[]>,
): StoreSnapshot {
  const records = {} as StoreSnapshot['records'];
  for (const type of syncedObjectTypes) {
    const names = propertiesToReturn(type, properties[type]);
    records[type] = [...store.tables[type].all()]
      .filter((record) => !record.archived)
      .map((record) => {
        const modified = record.properties[lastModifiedProperty[type]];
        const modifiedMs = modified === undefined ? record.updatedAt : Date.parse(modified);
        return {
          id: record.id,
          properties: pick(record.properties, names),
          modifiedAt: new Date(modifiedMs).toISOString(),
        };
      })
      .sort(byId);
  }
  const links: string[] = [];
  for (const type of companyLinkedTypes) {
    for (const record of records[type]) {
      for (const companyId of new Set(store.associations.ids(type, record.id, 'companies'))) {
        links.push(`${type} ${record.id} → ${companyId}`);
      }
    }
  }
  for (const record of records.feedback_submissions) {
    const associated = store.associations.ids('feedback_submissions', record.id, 'contacts');
    const contactIds = associated.length > 0 ? associated : [record.properties.hs_contact_id ?? ''];
    const companies = new Set(
      contactIds.flatMap((id) => store.associations.ids('contacts', id, 'companies')),
    );
    for (const companyId of companies) links.push(`feedback_submissions ${record.id} → ${companyId}`);
  }
  const stages = (['deals', 'tickets'] as const).flatMap((objectType) =>
    store.pipelines[objectType].flatMap((pipeline) =>
      pipeline.stages.map((stage) => ({
        key: `${objectType}/${pipeline.id}/${stage.id}`,
        isClosed:
          objectType === 'deals'
            ? stage.metadata.isClosed === 'true'
            : stage.metadata.ticketState === 'CLOSED',
        isWon: objectType === 'deals' && stage.metadata.probability === '1.0',
      })),
    ),
  );
  return {
    records,
    links: links.sort(compareText),
    owners: store.owners
      .filter((owner) => !owner.archived)
      .map((owner) => ({ id: owner.id, email: owner.email, archived: false }))
      .sort(byId),
    stages: stages.sort((a, b) => compareText(a.key, b.key)),
  };
}

/** Σ over the five types of ceil(live records / 100): the list calls no full sync can go below. */
export function floorCalls(store: SandboxStore): number {
  const counts = store.counts();
  return syncedObjectTypes.reduce((sum, type) => sum + Math.ceil(counts[type] / 100), 0);
}
