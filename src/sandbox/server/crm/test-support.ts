import express, { type Express } from 'express';

import { SandboxStore } from '../../store/sandbox-store.ts';
import {
  createdProperty,
  lastModifiedProperty,
  type SandboxObjectType,
  type SandboxRecord,
} from '../../store/sandbox-types.ts';
import { setRequestContext } from '../request-context.ts';
import { createCrmRoutes } from './create-crm-routes.ts';
import { addReferenceData, defineCompanyProperties, epoch } from './test-reference-data.ts';

export { epoch };

/** The pinned sandbox clock of these tests. */
export const fixedNow = Date.parse('2026-11-20T12:00:00.000Z');
const day = 86_400_000;

export interface TestPortal {
  store: SandboxStore;
  /** 25 companies in id order; index 5 is archived. */
  companyIds: string[];
  archivedCompanyId: string;
  /** Three deals of company 0 (whose primary company it is). */
  dealIds: string[];
  /** Two tickets of company 0. */
  ticketIds: string[];
  /** 600 tasks of company 1, enough to page a v4 association list (500 per page). */
  taskIds: string[];
  feedbackIds: string[];
  contactId: string;
}

/** Stores a record as the generator would: system properties set, no change event. */
export function insertRecord(
  store: SandboxStore,
  type: SandboxObjectType,
  properties: Record<string, string>,
  createdAt: number,
): SandboxRecord {
  const table = store.tables[type];
  const id = table.allocateId();
  const iso = new Date(createdAt).toISOString();
  const record: SandboxRecord = {
    id,
    properties: {
      ...properties,
      hs_object_id: id,
      [createdProperty[type]]: iso,
      [lastModifiedProperty[type]]: iso,
    },
    createdAt,
    updatedAt: createdAt,
    archived: false,
  };
  table.insert(record);
  return record;
}

/** A small portal built by hand through the tables' insert API. */
export function buildTestPortal(): TestPortal {
  const store = new SandboxStore(1);
  defineCompanyProperties(store);
  addReferenceData(store);
  const industries = ['SOFTWARE', 'RETAIL', 'HEALTHCARE'];
  const companies = Array.from({ length: 25 }, (_, i) => {
    const n = String(i).padStart(2, '0');
    return insertRecord(
      store,
      'companies',
      {
        name: `Company ${n}`,
        domain: `company-${n}.example`,
        industry: industries[i % 3] ?? '',
        annualrevenue: String((i + 1) * 1000),
      },
      epoch + i * day,
    );
  });
  const [first, second, , , , archived] = companies;
  if (first === undefined || second === undefined || archived === undefined)
    throw new Error('test portal too small');
  first.history = {
    name: [
      { value: 'Company 00', timestamp: epoch + 3 * day, sourceType: 'CRM_UI' },
      { value: 'Old Name', timestamp: epoch, sourceType: 'IMPORT' },
    ],
  };
  archived.archived = true;
  archived.archivedAt = epoch + 40 * day;
  const dealIds = [0, 1, 2].map((i) => {
    const deal = insertRecord(
      store,
      'deals',
      {
        dealname: `Deal ${i}`,
        amount: String(1000 * (i + 1)),
        pipeline: 'default',
        dealstage: 'appointmentscheduled',
      },
      epoch + i * day,
    );
    store.associations.add('deals', deal.id, 'companies', first.id);
    return deal.id;
  });
  const ticketIds = [0, 1].map((i) => {
    const ticket = insertRecord(
      store,
      'tickets',
      {
        subject: `Ticket ${i}`,
        hs_pipeline: '0',
        hs_pipeline_stage: '1',
        hs_ticket_priority: i === 0 ? 'HIGH' : 'LOW',
      },
      epoch + i * day,
    );
    store.associations.add('tickets', ticket.id, 'companies', first.id);
    return ticket.id;
  });
  const taskIds = Array.from({ length: 600 }, (_, i) => {
    const task = insertRecord(
      store,
      'tasks',
      { hs_task_subject: `Task ${i}`, hs_timestamp: String(epoch + i * day) },
      epoch,
    );
    store.associations.add('companies', second.id, 'tasks', task.id);
    return task.id;
  });
  const feedbackIds = [9, 3].map(
    (value) =>
      insertRecord(store, 'feedback_submissions', { hs_survey_type: 'NPS', hs_value: String(value) }, epoch)
        .id,
  );
  const contactId = insertRecord(
    store,
    'contacts',
    { firstname: 'Ada', lastname: 'Lovelace', email: 'ada@company-00.example' },
    epoch,
  ).id;
  return {
    store,
    companyIds: companies.map((company) => company.id),
    archivedCompanyId: archived.id,
    dealIds,
    ticketIds,
    taskIds,
    feedbackIds,
    contactId,
  };
}

/** The CRM routes on a bare app whose "auth middleware" pins the portal and clock. */
export function buildCrmTestApp(store: SandboxStore, now: () => number = () => fixedNow): Express {
  const app = express();
  app.use(express.json());
  app.use((_req, res, next) => {
    setRequestContext(res, { store, portalId: 1, appId: 1, now });
    next();
  });
  app.use(createCrmRoutes());
  return app;
}

/** What the tests read from an item of a JSON answer's `results`. */
export interface WireResult {
  id?: string;
  toObjectId?: string;
  name?: string;
  properties?: Record<string, string>;
}

/** The `results` of a JSON answer (supertest types bodies as any). */
export function resultsOf(body: unknown): WireResult[] {
  return (body as { results: WireResult[] }).results;
}
