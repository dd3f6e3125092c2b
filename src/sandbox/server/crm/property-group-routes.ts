import { Router } from 'express';
import { z } from 'zod';

import type { SandboxStore } from '../../store/sandbox-store.ts';
import type { SandboxObjectType, SandboxPropertyGroup } from '../../store/sandbox-types.ts';
import { requestContext } from '../request-context.ts';
import { CrmError, notFoundError, parseWith } from './crm-errors.ts';
import { objectTypeFromPath } from './object-types.ts';
import { internalName, serializeGroup } from './property-serializer.ts';

const groupCreateSchema = z.object({
  name: internalName,
  label: z.string().min(1),
  displayOrder: z.number().int().default(-1),
});

function groupMap(store: SandboxStore, type: SandboxObjectType): Map<string, SandboxPropertyGroup> {
  let map = store.propertyGroups.get(type);
  if (map === undefined) {
    map = new Map();
    store.propertyGroups.set(type, map);
  }
  return map;
}

/**
 * Property groups v3: list, read, create. Registered before the property routes, whose
 * `/:objectType/:propertyName` would otherwise take `groups` for a property name.
 */
export function createPropertyGroupRoutes(): Router {
  const router = Router();

  router.get('/crm/v3/properties/:objectType/groups', (req, res) => {
    const type = objectTypeFromPath(req.params.objectType);
    const groups = [...groupMap(requestContext(res).store, type).values()].filter((group) => !group.archived);
    res.json({ results: groups.map(serializeGroup) });
  });

  router.get('/crm/v3/properties/:objectType/groups/:groupName', (req, res) => {
    const type = objectTypeFromPath(req.params.objectType);
    const group = groupMap(requestContext(res).store, type).get(req.params.groupName);
    if (group === undefined || group.archived) {
      throw notFoundError(`Property group ${req.params.groupName} does not exist`, {
        name: [req.params.groupName],
      });
    }
    res.json(serializeGroup(group));
  });

  router.post('/crm/v3/properties/:objectType/groups', (req, res) => {
    const type = objectTypeFromPath(req.params.objectType);
    const input = parseWith(groupCreateSchema, req.body, 'body');
    const groups = groupMap(requestContext(res).store, type);
    if (groups.has(input.name)) {
      throw new CrmError(
        409,
        'OBJECT_ALREADY_EXISTS',
        `A property group named '${input.name}' already exists.`,
        {
          context: { name: [input.name] },
        },
      );
    }
    const group: SandboxPropertyGroup = { ...input, archived: false };
    groups.set(group.name, group);
    res.status(201).json(serializeGroup(group));
  });

  return router;
}
