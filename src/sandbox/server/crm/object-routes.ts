import { Router } from 'express';
import { z } from 'zod';

import type { SandboxObjectType } from '../../store/sandbox-types.ts';
import { requestContext } from '../request-context.ts';
import { applyLinks, createAssociationSchema, resolveCreateAssociations } from './create-associations.ts';
import { notFoundError, parseWith, validationError } from './crm-errors.ts';
import { propertiesToReturn } from './default-properties.ts';
import { serializeRecord, type SerializeOptions } from './object-serializer.ts';
import { assertWritable, objectTypeFromPath, resolveObjectType, singularName } from './object-types.ts';
import { prepareWrite, propertyInputSchema, withoutEmptyValues } from './property-values.ts';
import { maxHistoryBatchInputs } from './batch-schemas.ts';
import { booleanParam, limitParam, listParam, optionalString } from './query-params.ts';
import { RecordLookup } from './record-lookup.ts';

const readQuerySchema = z.object({
  archived: booleanParam,
  properties: listParam,
  propertiesWithHistory: listParam,
  associations: listParam,
  idProperty: optionalString,
});

const listQuerySchema = readQuerySchema.omit({ idProperty: true }).extend({
  limit: limitParam(10, 100),
  after: optionalString,
});

const createBodySchema = z.object({
  properties: propertyInputSchema.default({}),
  associations: z.array(createAssociationSchema).default([]),
  objectWriteTraceId: z.string().optional(),
});

const updateBodySchema = z.object({ properties: propertyInputSchema });

const mergeBodySchema = z.object({
  primaryObjectId: z.union([z.string(), z.number()]).transform(String),
  objectIdToMerge: z.union([z.string(), z.number()]).transform(String),
});

/** Types HubSpot merges (the companies, contacts, deals and tickets specs have `/merge`). */
const mergeableTypes: readonly SandboxObjectType[] = ['companies', 'contacts', 'deals', 'tickets'];

function associationTypes(names: readonly string[] | undefined): SandboxObjectType[] | undefined {
  return names?.map((name) => {
    const type = resolveObjectType(name);
    if (type === undefined) throw validationError(`Unable to infer object type from: ${name}`);
    return type;
  });
}

function readOptions(type: SandboxObjectType, query: z.infer<typeof readQuerySchema>): SerializeOptions {
  return {
    properties: propertiesToReturn(type, query.properties),
    propertiesWithHistory: query.propertiesWithHistory,
    associations: associationTypes(query.associations),
  };
}

function recordNotFound(type: SandboxObjectType, id: string): never {
  throw notFoundError(`No ${singularName(type)} with id ${id} exists (it may be archived).`, { id: [id] });
}

/** CRM objects v3: list, read, create, update, archive and merge one record at a time. */
export function createObjectRoutes(): Router {
  const router = Router();

  router.get('/crm/v3/objects/:objectType', (req, res) => {
    const type = objectTypeFromPath(req.params.objectType);
    const query = parseWith(listQuerySchema, req.query, 'query');
    const { store } = requestContext(res);
    const options = readOptions(type, query);
    // HubSpot's documents say asking for property history "will reduce the maximum number … that can be read
    // by a single request" without the number; the sandbox cuts the page to 50, its batch-read limit for history.
    const withHistory = (query.propertiesWithHistory ?? []).length > 0;
    const limit = withHistory ? Math.min(query.limit, maxHistoryBatchInputs) : query.limit;
    const page = store.tables[type].page(query.after, limit, query.archived);
    res.json({
      results: page.records.map((record) => serializeRecord(store, type, record, options)),
      ...(page.nextAfter === undefined ? {} : { paging: { next: { after: page.nextAfter } } }),
    });
  });

  router.get('/crm/v3/objects/:objectType/:objectId', (req, res) => {
    const type = objectTypeFromPath(req.params.objectType);
    const query = parseWith(readQuerySchema, req.query, 'query');
    const { store } = requestContext(res);
    const record = new RecordLookup(store, type, query.idProperty, query.archived).find(req.params.objectId);
    if (record === undefined) recordNotFound(type, req.params.objectId);
    res.json(serializeRecord(store, type, record, readOptions(type, query)));
  });

  router.post('/crm/v3/objects/:objectType', (req, res) => {
    const type = objectTypeFromPath(req.params.objectType);
    assertWritable(type, 'GET');
    const body = parseWith(createBodySchema, req.body ?? {}, 'body');
    const { store, now } = requestContext(res);
    const properties = withoutEmptyValues(prepareWrite(store, type, body.properties));
    const links = resolveCreateAssociations(store, type, body.associations);
    const at = now();
    const record = store.createRecord(type, properties, at);
    applyLinks(store, type, record.id, links, at);
    res.status(201).json(serializeRecord(store, type, record, { properties: 'all' }));
  });

  router.patch('/crm/v3/objects/:objectType/:objectId', (req, res) => {
    const type = objectTypeFromPath(req.params.objectType);
    assertWritable(type, 'GET');
    const query = parseWith(z.object({ idProperty: optionalString }), req.query, 'query');
    const body = parseWith(updateBodySchema, req.body, 'body');
    const { store, now } = requestContext(res);
    const record = new RecordLookup(store, type, query.idProperty).find(req.params.objectId);
    if (record === undefined) recordNotFound(type, req.params.objectId);
    store.updateRecord(type, record.id, prepareWrite(store, type, body.properties), now());
    res.json(serializeRecord(store, type, record, { properties: 'all' }));
  });

  // HubSpot's archive is idempotent: an unknown or already archived id still answers 204.
  router.delete('/crm/v3/objects/:objectType/:objectId', (req, res) => {
    const type = objectTypeFromPath(req.params.objectType);
    assertWritable(type, 'GET');
    const { store, now } = requestContext(res);
    store.archiveRecord(type, req.params.objectId, now());
    res.status(204).end();
  });

  router.post('/crm/v3/objects/:objectType/merge', (req, res) => {
    const type = objectTypeFromPath(req.params.objectType);
    if (!mergeableTypes.includes(type)) {
      throw notFoundError(`${singularName(type)} records cannot be merged`, { objectType: [type] });
    }
    const body = parseWith(mergeBodySchema, req.body, 'body');
    const { store, now } = requestContext(res);
    if (!store.mergeRecords(type, body.primaryObjectId, body.objectIdToMerge, now())) {
      throw validationError(
        `Cannot merge ${singularName(type)} ${body.objectIdToMerge} into ${body.primaryObjectId}: both must exist, be live and differ.`,
      );
    }
    const primary = store.tables[type].get(body.primaryObjectId);
    if (primary === undefined) recordNotFound(type, body.primaryObjectId);
    res.json(serializeRecord(store, type, primary, { properties: 'all' }));
  });

  return router;
}
