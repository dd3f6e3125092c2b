import { Router } from 'express';
import { z } from 'zod';

import type { SandboxOwner } from '../../store/sandbox-types.ts';
import { requestContext } from '../request-context.ts';
import { notFoundError, parseWith } from './crm-errors.ts';
import { booleanParam, limitParam, offsetParam, optionalString } from './query-params.ts';

const listQuerySchema = z.object({
  limit: limitParam(100, 500),
  after: offsetParam,
  email: optionalString,
  archived: booleanParam,
});

const readQuerySchema = z.object({
  idProperty: z.enum(['id', 'userId']).default('id'),
  archived: booleanParam,
});

/** HubSpot's PublicOwner; `userIdIncludingInactive` equals `userId` since sandbox users never deactivate. */
function serializeOwner(owner: SandboxOwner): Record<string, unknown> {
  return {
    id: owner.id,
    email: owner.email,
    firstName: owner.firstName,
    lastName: owner.lastName,
    userId: owner.userId,
    userIdIncludingInactive: owner.userId,
    type: owner.type,
    createdAt: new Date(owner.createdAt).toISOString(),
    updatedAt: new Date(owner.updatedAt).toISOString(),
    archived: owner.archived,
  };
}

/** Owners v3. The SDK sends the list with a trailing slash; the router is not strict, so both match. */
export function createOwnerRoutes(): Router {
  const router = Router();

  router.get('/crm/v3/owners', (req, res) => {
    const query = parseWith(listQuerySchema, req.query, 'query');
    const wantedEmail = query.email?.toLowerCase();
    const owners = requestContext(res).store.owners.filter(
      (owner) =>
        owner.archived === query.archived &&
        (wantedEmail === undefined || owner.email.toLowerCase() === wantedEmail),
    );
    const end = query.after + query.limit;
    res.json({
      results: owners.slice(query.after, end).map(serializeOwner),
      ...(end < owners.length ? { paging: { next: { after: String(end) } } } : {}),
    });
  });

  router.get('/crm/v3/owners/:ownerId', (req, res) => {
    // The spec types ownerId as an int32.
    const { ownerId } = parseWith(
      z.object({ ownerId: z.string().regex(/^\d+$/, 'ownerId must be an integer') }),
      req.params,
      'path',
    );
    const query = parseWith(readQuerySchema, req.query, 'query');
    const owner = requestContext(res).store.owners.find(
      (candidate) =>
        candidate.archived === query.archived &&
        (query.idProperty === 'id' ? candidate.id === ownerId : String(candidate.userId) === ownerId),
    );
    if (owner === undefined)
      throw notFoundError(`No owner with ${query.idProperty} ${ownerId} exists.`, { id: [ownerId] });
    res.json(serializeOwner(owner));
  });

  return router;
}
