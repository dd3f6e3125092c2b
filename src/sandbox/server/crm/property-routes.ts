import { Router } from 'express';
import { z } from 'zod';

import type { SandboxStore } from '../../store/sandbox-store.ts';
import type { SandboxObjectType, SandboxProperty } from '../../store/sandbox-types.ts';
import { requestContext } from '../request-context.ts';
import {
  batchResponse,
  CrmError,
  notFoundError,
  parseWith,
  standardError,
  type StandardError,
} from './crm-errors.ts';
import { objectTypeFromPath } from './object-types.ts';
import {
  fieldTypes,
  internalName,
  optionInputSchema,
  propertyTypes,
  serializeProperty,
  toOptions,
} from './property-serializer.ts';
import { booleanParam, listParam } from './query-params.ts';

const propertyCreateSchema = z.object({
  name: internalName,
  label: z.string().min(1),
  type: z.enum(propertyTypes),
  fieldType: z.enum(fieldTypes),
  groupName: z.string().min(1),
  description: z.string().default(''),
  options: z.array(optionInputSchema).default([]),
  displayOrder: z.number().int().default(-1),
  hidden: z.boolean().default(false),
  formField: z.boolean().default(false),
});
type PropertyCreate = z.infer<typeof propertyCreateSchema>;

const propertyUpdateSchema = propertyCreateSchema.omit({ name: true }).partial();

function propertyMap(store: SandboxStore, type: SandboxObjectType): Map<string, SandboxProperty> {
  let map = store.properties.get(type);
  if (map === undefined) {
    map = new Map();
    store.properties.set(type, map);
  }
  return map;
}

/** Why a property cannot be created, as a CrmError (409 for a taken name, 400 for an unknown group). */
function creationProblem(
  store: SandboxStore,
  type: SandboxObjectType,
  input: PropertyCreate,
): CrmError | undefined {
  if (propertyMap(store, type).has(input.name)) {
    return new CrmError(409, 'OBJECT_ALREADY_EXISTS', `A property named '${input.name}' already exists.`, {
      context: { name: [input.name] },
    });
  }
  if (store.propertyGroups.get(type)?.has(input.groupName) !== true) {
    return new CrmError(400, 'VALIDATION_ERROR', `Property group '${input.groupName}' does not exist.`, {
      context: { groupName: [input.groupName] },
    });
  }
  return undefined;
}

function createProperty(
  store: SandboxStore,
  type: SandboxObjectType,
  input: PropertyCreate,
  at: number,
): SandboxProperty {
  const property: SandboxProperty = {
    ...input,
    options: toOptions(input.options),
    hubspotDefined: false,
    createdAt: at,
    updatedAt: at,
    archived: false,
  };
  propertyMap(store, type).set(property.name, property);
  return property;
}

/** Properties v3 for any object type (groups are in property-group-routes.ts, registered first). */
export function createPropertyRoutes(): Router {
  const router = Router();

  router.get('/crm/v3/properties/:objectType', (req, res) => {
    const type = objectTypeFromPath(req.params.objectType);
    const query = parseWith(z.object({ archived: booleanParam, properties: listParam }), req.query, 'query');
    const { store } = requestContext(res);
    const wanted = query.properties === undefined ? undefined : new Set(query.properties);
    const results = [...propertyMap(store, type).values()]
      .filter((property) => property.archived === query.archived && (wanted?.has(property.name) ?? true))
      .map(serializeProperty);
    res.json({ results });
  });

  router.get('/crm/v3/properties/:objectType/:propertyName', (req, res) => {
    const type = objectTypeFromPath(req.params.objectType);
    const { archived } = parseWith(z.object({ archived: booleanParam }), req.query, 'query');
    const property = propertyMap(requestContext(res).store, type).get(req.params.propertyName);
    if (property?.archived !== archived) {
      throw notFoundError(`Property ${req.params.propertyName} does not exist`, {
        name: [req.params.propertyName],
      });
    }
    res.json(serializeProperty(property));
  });

  router.post('/crm/v3/properties/:objectType', (req, res) => {
    const type = objectTypeFromPath(req.params.objectType);
    const input = parseWith(propertyCreateSchema, req.body, 'body');
    const { store, now } = requestContext(res);
    const problem = creationProblem(store, type, input);
    if (problem !== undefined) throw problem;
    res.status(201).json(serializeProperty(createProperty(store, type, input, now())));
  });

  router.patch('/crm/v3/properties/:objectType/:propertyName', (req, res) => {
    const type = objectTypeFromPath(req.params.objectType);
    const changes = parseWith(propertyUpdateSchema, req.body, 'body');
    const { store, now } = requestContext(res);
    const property = propertyMap(store, type).get(req.params.propertyName);
    if (property === undefined || property.archived) {
      throw notFoundError(`Property ${req.params.propertyName} does not exist`, {
        name: [req.params.propertyName],
      });
    }
    if (changes.groupName !== undefined && store.propertyGroups.get(type)?.has(changes.groupName) !== true) {
      throw new CrmError(400, 'VALIDATION_ERROR', `Property group '${changes.groupName}' does not exist.`);
    }
    const { options, ...rest } = changes;
    Object.assign(property, rest, options === undefined ? {} : { options: toOptions(options) }, {
      updatedAt: now(),
    });
    res.json(serializeProperty(property));
  });

  router.post('/crm/v3/properties/:objectType/batch/read', (req, res) => {
    const type = objectTypeFromPath(req.params.objectType);
    const body = parseWith(
      z.object({ inputs: z.array(z.object({ name: z.string() })), archived: z.boolean().default(false) }),
      req.body,
      'body',
    );
    const { store, now } = requestContext(res);
    const map = propertyMap(store, type);
    const found = body.inputs.map(({ name }) => map.get(name)).filter((p) => p?.archived === body.archived);
    const missing = body.inputs
      .map(({ name }) => name)
      .filter((name) => map.get(name)?.archived !== body.archived);
    const errors = missing.map((name) =>
      standardError('OBJECT_NOT_FOUND', `Property ${name} does not exist`, { name: [name] }),
    );
    const results = found.flatMap((property) =>
      property === undefined ? [] : [serializeProperty(property)],
    );
    res.status(errors.length === 0 ? 200 : 207).json(batchResponse(results, errors, now()));
  });

  router.post('/crm/v3/properties/:objectType/batch/create', (req, res) => {
    const type = objectTypeFromPath(req.params.objectType);
    const body = parseWith(z.object({ inputs: z.array(propertyCreateSchema) }), req.body, 'body');
    const { store, now } = requestContext(res);
    const at = now();
    const results: Record<string, unknown>[] = [];
    const errors: StandardError[] = [];
    for (const input of body.inputs) {
      const problem = creationProblem(store, type, input);
      if (problem === undefined) results.push(serializeProperty(createProperty(store, type, input, at)));
      else errors.push(standardError(problem.category, problem.message, { name: [input.name] }));
    }
    res.status(errors.length === 0 ? 201 : 207).json(batchResponse(results, errors, at));
  });

  return router;
}
