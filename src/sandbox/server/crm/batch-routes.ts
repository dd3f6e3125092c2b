import { Router } from 'express';
import { z } from 'zod';

import type { SandboxRecord } from '../../store/sandbox-types.ts';
import { requestContext } from '../request-context.ts';
import {
  batchCreateBodySchema,
  batchIdsBodySchema,
  batchReadBodySchema,
  historyBatchLimitMessage,
  maxHistoryBatchInputs,
  missingIdsError,
} from './batch-schemas.ts';
import { applyLinks, resolveCreateAssociations } from './create-associations.ts';
import { batchResponse, parseWith, validationError } from './crm-errors.ts';
import { propertiesToReturn } from './default-properties.ts';
import { serializeRecord } from './object-serializer.ts';
import { assertWritable, objectTypeFromPath } from './object-types.ts';
import { prepareWrite, withoutEmptyValues } from './property-values.ts';
import { booleanParam } from './query-params.ts';
import { RecordLookup } from './record-lookup.ts';

/** CRM objects v3 batch read, create and archive (update and upsert are in batch-write-routes.ts). */
export function createBatchRoutes(): Router {
  const router = Router();

  // Unknown ids do not fail the batch: the found records come back with a 207 and one error naming the rest.
  router.post('/crm/v3/objects/:objectType/batch/read', (req, res) => {
    const type = objectTypeFromPath(req.params.objectType);
    const { archived } = parseWith(z.object({ archived: booleanParam }), req.query, 'query');
    const body = parseWith(batchReadBodySchema, req.body, 'body');
    const withHistory = (body.propertiesWithHistory ?? []).length > 0;
    if (withHistory && body.inputs.length > maxHistoryBatchInputs)
      throw validationError(historyBatchLimitMessage);
    const { store, now } = requestContext(res);
    const lookup = new RecordLookup(store, type, body.idProperty, archived);
    const found = new Map<string, SandboxRecord>();
    const missing: string[] = [];
    for (const { id } of body.inputs) {
      const record = lookup.find(id);
      if (record === undefined) missing.push(id);
      else found.set(record.id, record);
    }
    const options = {
      properties: propertiesToReturn(type, body.properties),
      propertiesWithHistory: body.propertiesWithHistory,
    };
    const results = [...found.values()].map((record) => serializeRecord(store, type, record, options));
    const errors = missing.length === 0 ? [] : [missingIdsError(type, missing, 'get')];
    res.status(errors.length === 0 ? 200 : 207).json(batchResponse(results, errors, now()));
  });

  // Validated as a whole before anything is written: one bad input fails the batch with 400, as HubSpot
  // does for creates that carry no objectWriteTraceId.
  router.post('/crm/v3/objects/:objectType/batch/create', (req, res) => {
    const type = objectTypeFromPath(req.params.objectType);
    assertWritable(type, '');
    const body = parseWith(batchCreateBodySchema, req.body, 'body');
    const { store, now } = requestContext(res);
    const prepared = body.inputs.map((input) => ({
      properties: withoutEmptyValues(prepareWrite(store, type, input.properties)),
      links: resolveCreateAssociations(store, type, input.associations),
    }));
    const at = now();
    const results = prepared.map(({ properties, links }) => {
      const record = store.createRecord(type, properties, at);
      applyLinks(store, type, record.id, links, at);
      return serializeRecord(store, type, record, { properties: 'all' });
    });
    res.status(201).json(batchResponse(results, [], at));
  });

  router.post('/crm/v3/objects/:objectType/batch/archive', (req, res) => {
    const type = objectTypeFromPath(req.params.objectType);
    assertWritable(type, '');
    const body = parseWith(batchIdsBodySchema, req.body, 'body');
    const { store, now } = requestContext(res);
    const at = now();
    for (const { id } of body.inputs) store.archiveRecord(type, id, at);
    res.status(204).end();
  });

  return router;
}
