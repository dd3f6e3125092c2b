import { Router } from 'express';

import type { SandboxRecord } from '../../store/sandbox-types.ts';
import { requestContext } from '../request-context.ts';
import { batchWriteBodySchema, missingIdsError } from './batch-schemas.ts';
import { batchResponse, parseWith, type StandardError } from './crm-errors.ts';
import { serializeRecord, type SimplePublicObject } from './object-serializer.ts';
import { assertWritable, objectTypeFromPath } from './object-types.ts';
import { prepareWrite, withoutEmptyValues } from './property-values.ts';
import { RecordLookup } from './record-lookup.ts';

/** CRM objects v3 batch update and upsert. */
export function createBatchWriteRoutes(): Router {
  const router = Router();

  // Values are validated for every input first (a bad value fails the whole batch with 400); ids that
  // match no live record are reported in a 207 while the others are updated.
  router.post('/crm/v3/objects/:objectType/batch/update', (req, res) => {
    const type = objectTypeFromPath(req.params.objectType);
    assertWritable(type, '');
    const body = parseWith(batchWriteBodySchema, req.body, 'body');
    const { store, now } = requestContext(res);
    const prepared = body.inputs.map((input) => ({
      ...input,
      values: prepareWrite(store, type, input.properties),
    }));
    const lookups = new Map<string, RecordLookup>();
    const at = now();
    const missing: string[] = [];
    const results: SimplePublicObject[] = [];
    for (const input of prepared) {
      const key = input.idProperty ?? '';
      const lookup = lookups.get(key) ?? new RecordLookup(store, type, input.idProperty);
      lookups.set(key, lookup);
      const record = lookup.find(input.id);
      if (record === undefined) {
        missing.push(input.id);
        continue;
      }
      store.updateRecord(type, record.id, input.values, at);
      results.push(serializeRecord(store, type, record, { properties: 'all' }));
    }
    const errors = missing.length === 0 ? [] : [missingIdsError(type, missing, 'update')];
    res.status(errors.length === 0 ? 200 : 207).json(batchResponse(results, errors, at));
  });

  // With an idProperty, a value no record holds creates a record carrying it (`new: true`); without one,
  // the id is a record id and an unknown one is an error, since a record id cannot be chosen.
  router.post('/crm/v3/objects/:objectType/batch/upsert', (req, res) => {
    const type = objectTypeFromPath(req.params.objectType);
    assertWritable(type, '');
    const body = parseWith(batchWriteBodySchema, req.body, 'body');
    const { store, now } = requestContext(res);
    const prepared = body.inputs.map((input) => {
      const byProperty = input.idProperty === 'hs_object_id' ? undefined : input.idProperty;
      const createValues =
        byProperty === undefined
          ? undefined
          : withoutEmptyValues(prepareWrite(store, type, { ...input.properties, [byProperty]: input.id }));
      return { ...input, values: prepareWrite(store, type, input.properties), createValues };
    });
    const lookups = new Map<string, RecordLookup>();
    const at = now();
    const missing: string[] = [];
    const results: (SimplePublicObject & { new: boolean })[] = [];
    for (const input of prepared) {
      const key = input.idProperty ?? '';
      const lookup = lookups.get(key) ?? new RecordLookup(store, type, input.idProperty);
      lookups.set(key, lookup);
      let record: SandboxRecord | undefined = lookup.find(input.id);
      const isNew = record === undefined;
      if (record !== undefined) {
        store.updateRecord(type, record.id, input.values, at);
      } else if (input.createValues !== undefined) {
        record = store.createRecord(type, input.createValues, at);
        lookup.remember(record);
      } else {
        missing.push(input.id);
        continue;
      }
      results.push({ ...serializeRecord(store, type, record, { properties: 'all' }), new: isNew });
    }
    const errors: StandardError[] = missing.length === 0 ? [] : [missingIdsError(type, missing, 'upsert')];
    res.status(errors.length === 0 ? 200 : 207).json(batchResponse(results, errors, at));
  });

  return router;
}
