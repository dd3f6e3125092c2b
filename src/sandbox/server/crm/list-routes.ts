import { Router } from 'express';
import { z } from 'zod';

import type { SandboxStore } from '../../store/sandbox-store.ts';
import { requestContext } from '../request-context.ts';
import { notFoundError, parseWith, validationError } from './crm-errors.ts';
import { limitParam, offsetParam } from './query-params.ts';

/**
 * Lists v3 as far as Harbor uses it (crm-lists-v3.json): create a list, find one by name, add records to a
 * static list and read its members. Lists live beside the portal's store, one set per portal; object type
 * ids are HubSpot's (0-1 contacts, 0-2 companies). Only static lists take members: a DYNAMIC list's members
 * come from its filters, which the sandbox does not evaluate, so it stays empty.
 */

interface SandboxList {
  listId: string;
  name: string;
  objectTypeId: string;
  processingType: 'MANUAL' | 'SNAPSHOT' | 'DYNAMIC';
  createdAt: number;
  updatedAt: number;
  listVersion: number;
  /** Record id → when it joined. */
  members: Map<string, number>;
}

interface ListState {
  nextId: number;
  lists: Map<string, SandboxList>;
}

const states = new WeakMap<SandboxStore, ListState>();

function stateOf(store: SandboxStore): ListState {
  let state = states.get(store);
  if (state === undefined) {
    state = { nextId: 1, lists: new Map() };
    states.set(store, state);
  }
  return state;
}

const objectTypes: Record<string, 'contacts' | 'companies'> = { '0-1': 'contacts', '0-2': 'companies' };

const createBody = z.looseObject({
  name: z.string().trim().min(1, 'name is required'),
  objectTypeId: z
    .string()
    .refine((id) => id in objectTypes, 'objectTypeId must be 0-1 or 0-2 in the sandbox'),
  processingType: z.enum(['MANUAL', 'SNAPSHOT', 'DYNAMIC']),
});
const recordIds = z.array(z.string().regex(/^\d+$/, 'record ids are digits')).max(100_000);
const membershipQuery = z.object({ limit: limitParam(100, 250), after: offsetParam });

function serializeList(list: SandboxList): Record<string, unknown> {
  return {
    listId: list.listId,
    listVersion: list.listVersion,
    name: list.name,
    objectTypeId: list.objectTypeId,
    processingType: list.processingType,
    processingStatus: 'COMPLETE',
    size: list.members.size,
    createdAt: new Date(list.createdAt).toISOString(),
    updatedAt: new Date(list.updatedAt).toISOString(),
    filtersUpdatedAt: new Date(list.createdAt).toISOString(),
  };
}

function findByName(state: ListState, objectTypeId: string, name: string): SandboxList | undefined {
  const wanted = name.toLowerCase();
  return [...state.lists.values()].find(
    (list) => list.objectTypeId === objectTypeId && list.name.toLowerCase() === wanted,
  );
}

function listOrNotFound(state: ListState, listId: string): SandboxList {
  const list = state.lists.get(listId);
  if (list === undefined) throw notFoundError(`List ${listId} does not exist.`, { listId: [listId] });
  return list;
}

export function createListRoutes(): Router {
  const router = Router();

  router.post('/crm/v3/lists', (req, res) => {
    const body = parseWith(createBody, req.body, 'body');
    const { store, now } = requestContext(res);
    const state = stateOf(store);
    // HubSpot: "must be globally unique across all public lists in the portal".
    if ([...state.lists.values()].some((list) => list.name.toLowerCase() === body.name.toLowerCase()))
      throw validationError(`A list named ${body.name} already exists.`);
    const time = now();
    const list: SandboxList = {
      listId: String(state.nextId),
      name: body.name,
      objectTypeId: body.objectTypeId,
      processingType: body.processingType,
      createdAt: time,
      updatedAt: time,
      listVersion: 1,
      members: new Map(),
    };
    state.nextId += 1;
    state.lists.set(list.listId, list);
    res.json({ list: serializeList(list) });
  });

  router.get('/crm/v3/lists/object-type-id/:objectTypeId/name/:listName', (req, res) => {
    const { objectTypeId, listName } = req.params;
    const list = findByName(stateOf(requestContext(res).store), objectTypeId, listName);
    if (list === undefined)
      throw notFoundError(`No list named ${listName} exists.`, { listName: [listName] });
    res.json({ list: serializeList(list) });
  });

  router.put('/crm/v3/lists/:listId/memberships/add', (req, res) => {
    const ids = parseWith(recordIds, req.body, 'body');
    const { store, now } = requestContext(res);
    const list = listOrNotFound(stateOf(store), req.params.listId);
    if (list.processingType === 'DYNAMIC')
      throw validationError(`List ${list.listId} is DYNAMIC; only MANUAL and SNAPSHOT lists take records.`);
    const table = store.tables[objectTypes[list.objectTypeId] ?? 'contacts'];
    const added: string[] = [];
    const missing: string[] = [];
    const time = now();
    for (const id of new Set(ids)) {
      const record = table.get(id);
      if (record === undefined || record.archived) missing.push(id);
      else if (!list.members.has(id)) {
        list.members.set(id, time);
        added.push(id);
      }
    }
    if (added.length > 0) list.updatedAt = time;
    res.json({ recordIdsMissing: missing, recordIdsRemoved: [], recordsIdsAdded: added });
  });

  router.get('/crm/v3/lists/:listId/memberships', (req, res) => {
    const query = parseWith(membershipQuery, req.query, 'query');
    const list = listOrNotFound(stateOf(requestContext(res).store), req.params.listId);
    const members = [...list.members.entries()].sort(([a], [b]) => Number(a) - Number(b));
    const end = query.after + query.limit;
    res.json({
      results: members
        .slice(query.after, end)
        .map(([recordId, joined]) => ({ recordId, membershipTimestamp: new Date(joined).toISOString() })),
      total: members.length,
      ...(end < members.length ? { paging: { next: { after: String(end) } } } : {}),
    });
  });

  return router;
}
