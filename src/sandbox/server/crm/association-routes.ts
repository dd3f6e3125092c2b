import { Router } from 'express';
import { z } from 'zod';

import { requestContext } from '../request-context.ts';
import { assertSpecAllowed, associationSpecSchema, defaultTypeIdOrThrow } from './association-spec.ts';
import { labelsBetween, pageOfAssociations, parseOffset, requireLiveRecord } from './association-wire.ts';
import { batchResponse, parseWith } from './crm-errors.ts';
import { objectTypeFromPath } from './object-types.ts';
import { limitParam, optionalString } from './query-params.ts';

/** "Limit 500 per call" on the v4 read, which is also its default. */
const maxAssociationPage = 500;

/** Associations v4 on one record: read, create default or labelled, delete. */
export function createAssociationRoutes(): Router {
  const router = Router();

  router.get('/crm/v4/objects/:objectType/:objectId/associations/:toObjectType', (req, res) => {
    const from = objectTypeFromPath(req.params.objectType);
    const to = objectTypeFromPath(req.params.toObjectType);
    const query = parseWith(
      z.object({ limit: limitParam(maxAssociationPage, maxAssociationPage), after: optionalString }),
      req.query,
      'query',
    );
    const { store } = requestContext(res);
    requireLiveRecord(store, from, req.params.objectId);
    const page = pageOfAssociations(
      store.associations.list(from, req.params.objectId, to),
      parseOffset(query.after),
      query.limit,
    );
    res.json({
      results: page.to,
      ...(page.nextAfter === undefined ? {} : { paging: { next: { after: page.nextAfter } } }),
    });
  });

  router.put(
    '/crm/v4/objects/:fromObjectType/:fromObjectId/associations/default/:toObjectType/:toObjectId',
    (req, res) => {
      const from = objectTypeFromPath(req.params.fromObjectType);
      const to = objectTypeFromPath(req.params.toObjectType);
      const { fromObjectId, toObjectId } = req.params;
      const { store, now } = requestContext(res);
      const typeId = defaultTypeIdOrThrow(from, to);
      requireLiveRecord(store, from, fromObjectId);
      requireLiveRecord(store, to, toObjectId);
      const at = now();
      store.associate(from, fromObjectId, to, toObjectId, typeId, at);
      const result = {
        from: { id: fromObjectId },
        to: { id: toObjectId },
        associationSpec: { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId },
      };
      res.json(batchResponse([result], [], at));
    },
  );

  // The store keeps one link per pair with derived type ids, so a labelled create checks the requested
  // types are ones HubSpot defines for the pair and then links the records.
  router.put('/crm/v4/objects/:objectType/:objectId/associations/:toObjectType/:toObjectId', (req, res) => {
    const from = objectTypeFromPath(req.params.objectType);
    const to = objectTypeFromPath(req.params.toObjectType);
    const { objectId, toObjectId } = req.params;
    const specs = parseWith(z.array(associationSpecSchema).min(1), req.body, 'body');
    const { store, now } = requestContext(res);
    for (const spec of specs) assertSpecAllowed(from, to, spec);
    requireLiveRecord(store, from, objectId);
    requireLiveRecord(store, to, toObjectId);
    const typeId = specs[0]?.associationTypeId ?? defaultTypeIdOrThrow(from, to);
    store.associate(from, objectId, to, toObjectId, typeId, now());
    const linked = store.associations.list(from, objectId, to).find((item) => item.toObjectId === toObjectId);
    res.status(201).json(labelsBetween(from, objectId, to, toObjectId, linked?.typeIds ?? []));
  });

  router.delete(
    '/crm/v4/objects/:objectType/:objectId/associations/:toObjectType/:toObjectId',
    (req, res) => {
      const from = objectTypeFromPath(req.params.objectType);
      const to = objectTypeFromPath(req.params.toObjectType);
      const { store, now } = requestContext(res);
      const typeId = defaultTypeIdOrThrow(from, to);
      store.dissociate(from, req.params.objectId, to, req.params.toObjectId, typeId, now());
      res.status(204).end();
    },
  );

  return router;
}
