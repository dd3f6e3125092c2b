import { Router } from 'express';
import { z } from 'zod';

import type { SandboxObjectType } from '../../store/sandbox-types.ts';
import { requestContext } from '../request-context.ts';
import { assertSpecAllowed, associationSpecSchema, defaultTypeIdOrThrow } from './association-spec.ts';
import { labelsBetween, liveRecord, pageOfAssociations, parseOffset } from './association-wire.ts';
import { batchResponse, parseWith, standardError, type StandardError } from './crm-errors.ts';
import { objectTypeFromPath, singularName } from './object-types.ts';

/** Inputs per call: 1,000 for batch read (associations guide); 2,000 for the writes (batch create's limit). */
const maxReadInputs = 1_000;
const maxWriteInputs = 2_000;
/** Associated records per result before `paging.next.after`. */
const maxPerResult = 500;

const idSchema = z.union([z.string().min(1), z.number()]).transform(String);
const objectIdSchema = z.object({ id: idSchema });

const readBodySchema = z.object({
  inputs: z.array(z.object({ id: idSchema, after: z.string().optional() })).max(maxReadInputs),
});
const createBodySchema = z.object({
  inputs: z
    .array(
      z.object({ from: objectIdSchema, to: objectIdSchema, types: z.array(associationSpecSchema).min(1) }),
    )
    .max(maxWriteInputs),
});
const defaultBodySchema = z.object({
  inputs: z.array(z.object({ from: objectIdSchema, to: objectIdSchema })).max(maxWriteInputs),
});
const archiveBodySchema = z.object({
  inputs: z.array(z.object({ from: objectIdSchema, to: z.array(objectIdSchema) })).max(maxWriteInputs),
});

/**
 * HubSpot answers an id without associations of the asked type (unknown ids included) with this error, not
 * an empty result. Its `subCategory` (crm.associations.NO_ASSOCIATIONS_FOUND) is left out: the spec types
 * StandardError.subCategory as an object, and real HubSpot sends a string.
 */
function noAssociationsError(from: SandboxObjectType, to: SandboxObjectType, id: string): StandardError {
  return standardError(
    'OBJECT_NOT_FOUND',
    `No ${singularName(to)} is associated with ${singularName(from)} ${id}.`,
    {
      fromObjectId: [id],
      fromObjectType: [singularName(from)],
      toObjectType: [singularName(to)],
    },
  );
}

function missingRecordError(type: SandboxObjectType, id: string): StandardError {
  return standardError('OBJECT_NOT_FOUND', `No ${singularName(type)} with id ${id} exists.`, { id: [id] });
}

/** Associations v4 batch read, create, associate/default and archive. */
export function createAssociationBatchRoutes(): Router {
  const router = Router();

  router.post('/crm/v4/associations/:fromObjectType/:toObjectType/batch/read', (req, res) => {
    const from = objectTypeFromPath(req.params.fromObjectType);
    const to = objectTypeFromPath(req.params.toObjectType);
    const body = parseWith(readBodySchema, req.body, 'body');
    const { store, now } = requestContext(res);
    const results: Record<string, unknown>[] = [];
    const errors: StandardError[] = [];
    for (const input of body.inputs) {
      const list =
        liveRecord(store, from, input.id) === undefined ? [] : store.associations.list(from, input.id, to);
      if (list.length === 0) {
        errors.push(noAssociationsError(from, to, input.id));
        continue;
      }
      const page = pageOfAssociations(list, parseOffset(input.after), maxPerResult);
      results.push({
        from: { id: input.id },
        to: page.to,
        ...(page.nextAfter === undefined ? {} : { paging: { next: { after: page.nextAfter } } }),
      });
    }
    res.status(errors.length === 0 ? 200 : 207).json(batchResponse(results, errors, now()));
  });

  router.post('/crm/v4/associations/:fromObjectType/:toObjectType/batch/create', (req, res) => {
    const from = objectTypeFromPath(req.params.fromObjectType);
    const to = objectTypeFromPath(req.params.toObjectType);
    const body = parseWith(createBodySchema, req.body, 'body');
    for (const input of body.inputs) for (const spec of input.types) assertSpecAllowed(from, to, spec);
    const { store, now } = requestContext(res);
    const at = now();
    const results: Record<string, unknown>[] = [];
    const errors: StandardError[] = [];
    for (const input of body.inputs) {
      const missing = [
        ...(liveRecord(store, from, input.from.id) === undefined
          ? [missingRecordError(from, input.from.id)]
          : []),
        ...(liveRecord(store, to, input.to.id) === undefined ? [missingRecordError(to, input.to.id)] : []),
      ];
      if (missing.length > 0) {
        errors.push(...missing);
        continue;
      }
      store.associate(
        from,
        input.from.id,
        to,
        input.to.id,
        input.types[0]?.associationTypeId ?? defaultTypeIdOrThrow(from, to),
        at,
      );
      const linked = store.associations
        .list(from, input.from.id, to)
        .find((item) => item.toObjectId === input.to.id);
      results.push(labelsBetween(from, input.from.id, to, input.to.id, linked?.typeIds ?? []));
    }
    res.status(errors.length === 0 ? 201 : 207).json(batchResponse(results, errors, at));
  });

  // The spec gives this operation only a 200 (whose body has optional errors/numErrors), so failures for
  // unknown records are reported inside a 200 rather than as a 207.
  router.post('/crm/v4/associations/:fromObjectType/:toObjectType/batch/associate/default', (req, res) => {
    const from = objectTypeFromPath(req.params.fromObjectType);
    const to = objectTypeFromPath(req.params.toObjectType);
    const body = parseWith(defaultBodySchema, req.body, 'body');
    const typeId = defaultTypeIdOrThrow(from, to);
    const { store, now } = requestContext(res);
    const at = now();
    const results: Record<string, unknown>[] = [];
    const errors: StandardError[] = [];
    for (const input of body.inputs) {
      if (liveRecord(store, from, input.from.id) === undefined) {
        errors.push(missingRecordError(from, input.from.id));
      } else if (liveRecord(store, to, input.to.id) === undefined) {
        errors.push(missingRecordError(to, input.to.id));
      } else {
        store.associate(from, input.from.id, to, input.to.id, typeId, at);
        results.push({
          from: input.from,
          to: input.to,
          associationSpec: { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId },
        });
      }
    }
    res.json(batchResponse(results, errors, at));
  });

  router.post('/crm/v4/associations/:fromObjectType/:toObjectType/batch/archive', (req, res) => {
    const from = objectTypeFromPath(req.params.fromObjectType);
    const to = objectTypeFromPath(req.params.toObjectType);
    const body = parseWith(archiveBodySchema, req.body, 'body');
    const typeId = defaultTypeIdOrThrow(from, to);
    const { store, now } = requestContext(res);
    const at = now();
    for (const input of body.inputs) {
      for (const target of input.to) store.dissociate(from, input.from.id, to, target.id, typeId, at);
    }
    res.status(204).end();
  });

  return router;
}
