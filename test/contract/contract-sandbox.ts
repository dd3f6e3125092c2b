import { existsSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import * as OpenApiValidator from 'express-openapi-validator';

import {
  createSandbox,
  type Sandbox,
  type SandboxOptions,
} from '../../src/sandbox/server/create-sandbox-app.ts';

/** HubSpot's published OpenAPI documents: test fixtures beside the repo, never copied into it. */
export const specFolder = join(import.meta.dirname, '..', '..', '..', 'shared', 'hubspot-openapi');
export const specsAvailable = existsSync(specFolder);
export const specsMissingReason = `HubSpot OpenAPI documents not found at ${specFolder}; contract tests skipped`;

/**
 * Which document judges which traffic. Known quirks, handled here and nowhere else:
 * - crm-deals-v3.json spells its paths /crm/v3/objects/0-3 while the SDK calls /crm/v3/objects/deals, so deals
 *   (and contacts, notes) are judged by the generic crm-objects-v3.json, whose schemas are the same.
 * - Request schemas are stricter than HubSpot (search requires after/limit/properties/sorts, create requires
 *   associations): the gateway always sends those fields, so requests are judged by the unmodified schema.
 * - Response properties are non-nullable strings: the sandbox omits unset properties instead of sending null.
 * - Search `sorts` items are declared as strings, but HubSpot's search guide and the SDK's maintainers send
 *   `{ propertyName, direction }` objects, which HubSpot accepts: that one schema node also admits the object
 *   form (`withSearchSortQuirk`). Everything else is judged exactly as published.
 * - Pipelines have no document here; their traffic is not judged.
 * - Callback completions: automation-actions-v4.json requires `typedOutputs`, which @hubspot/api-client 14.0.1's
 *   CallbackCompletionRequest model does not even have (HubSpot accepts `outputFields` alone); that one
 *   requirement is dropped (`withCallbackQuirk`). Its definition schemas are recursive (ArrayFieldSchema), which
 *   the dereferencing below cannot inline, and the sandbox serves only its callbacks paths: the validator gets
 *   those paths and the components they reach (`servedCallbacksOnly`), judged as published.
 */
const documents = [
  'crm-companies-v3.json',
  'crm-tickets-v3.json',
  'crm-tasks-v3.json',
  'crm-feedback-submissions-v3.json',
  'crm-objects-v3.json',
  'crm-associations-v4.json',
  'crm-properties-v3.json',
  'crm-owners-v3.json',
  'oauth-v1.json',
  'automation-actions-v4.json',
  'automation-flows-v4.json',
] as const;

// automation-actions-v4.json is trimmed to its acyclic callbacks slice (servedCallbacksOnly), so it is inlined.
const recursiveDocuments = new Set<string>(['automation-flows-v4.json']);
/**
 * Documents that judge only their own paths: a validator asked about an /automation path its document does not
 * have still walks that document's schemas, and the actions document's self-nesting ones overflow the stack.
 */
const documentScopes: Partial<Record<string, string>> = {
  'automation-actions-v4.json': '/automation/v4/actions/',
  'automation-flows-v4.json': '/automation/v4/flows',
};

export interface ContractViolation {
  document: string;
  direction: 'request' | 'response';
  method: string;
  path: string;
  status: number;
  message: string;
}

export interface ContractSandbox {
  baseUrl: string;
  sandbox: Sandbox;
  accessToken: string;
  portalId: number;
  clientId: string;
  clientSecret: string;
  violations: ContractViolation[];
  /** Requests that at least one document judged. */
  judged: () => number;
  close(): Promise<void>;
}

interface SearchRequestSchema {
  properties?: { sorts?: { items?: unknown } };
}

/** The one narrow patch, applied to an in-memory copy: sort items may be HubSpot's documented object form. */
function withSearchSortQuirk(document: Record<string, unknown>): Record<string, unknown> {
  const schemas = (document.components as { schemas?: Record<string, SearchRequestSchema> } | undefined)
    ?.schemas;
  const sorts = schemas?.PublicObjectSearchRequest?.properties?.sorts;
  if (sorts !== undefined) {
    sorts.items = {
      oneOf: [
        { type: 'string' },
        {
          type: 'object',
          required: ['propertyName'],
          additionalProperties: false,
          properties: {
            propertyName: { type: 'string' },
            direction: { type: 'string', enum: ['ASCENDING', 'DESCENDING'] },
          },
        },
      ],
    };
  }
  return document;
}

/** The SDK's callback bodies carry no `typedOutputs`: only that requirement goes, on an in-memory copy. */
function withCallbackQuirk(document: Record<string, unknown>): Record<string, unknown> {
  const schemas = (document.components as { schemas?: Record<string, { required?: string[] }> } | undefined)
    ?.schemas;
  for (const name of ['CallbackCompletionRequest', 'CallbackCompletionBatchRequest']) {
    const schema = schemas?.[name];
    if (schema?.required !== undefined) {
      schema.required = schema.required.filter((field) => field !== 'typedOutputs');
    }
  }
  return document;
}

/** Keeps the callbacks paths of automation-actions-v4.json and the components they reach, no other. */
function servedCallbacksOnly(document: Record<string, unknown>): Record<string, unknown> {
  const paths = document.paths as Record<string, unknown>;
  const components = document.components as Record<string, Record<string, unknown>>;
  const kept = Object.fromEntries(
    Object.entries(paths).filter(([path]) => path.startsWith('/automation/v4/actions/callbacks/')),
  );
  const reached = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string' && !reached.has(value)) {
          reached.add(value);
          const [, , kind, name] = value.split('/');
          visit(components[kind ?? '']?.[name ?? '']);
        } else visit(value);
      }
    }
  };
  visit(kept);
  const trimmed: Record<string, Record<string, unknown>> = {};
  for (const ref of reached) {
    const [, , kind = '', name = ''] = ref.split('/');
    trimmed[kind] = { ...trimmed[kind], [name]: components[kind]?.[name] };
  }
  return {
    ...document,
    paths: kept,
    components: { ...components, ...trimmed, schemas: trimmed.schemas ?? {} },
  };
}

function validatorFor(document: string, violations: ContractViolation[]): RequestHandler[] {
  const read = JSON.parse(readFileSync(join(specFolder, document), 'utf8')) as Record<string, unknown>;
  const published = document === 'automation-actions-v4.json' ? servedCallbacksOnly(read) : read;
  const handlers = OpenApiValidator.middleware({
    apiSpec: withCallbackQuirk(withSearchSortQuirk(published)) as never,
    validateRequests: true,
    validateResponses: {
      onError: (error, _body, req) => {
        violations.push({
          document,
          direction: 'response',
          method: req.method,
          path: req.originalUrl,
          status: error.status,
          message: error.message,
        });
      },
    },
    // Auth is the sandbox's job (it answers HubSpot's own 401); the documents judge shapes.
    validateSecurity: false,
    ignoreUndocumented: true,
    // Several documents in one app: inline every $ref so their schema ids cannot collide.
    // The automation documents' filter branches nest themselves: inlined, they never end (a stack overflow on
    // any /automation request), so those two keep their $refs.
    $refParser: { mode: recursiveDocuments.has(document) ? 'bundle' : 'dereference' },
  });
  const scope = documentScopes[document];
  if (scope === undefined) return handlers;
  return handlers.map((handler): RequestHandler => (req, res, next) => {
    if (req.path.startsWith(scope)) handler(req, res, next);
    else next();
  });
}

/** The sandbox behind every document's validator: requests and responses that break HubSpot's contract are recorded. */
export async function startContractSandbox(options: SandboxOptions = {}): Promise<ContractSandbox> {
  const violations: ContractViolation[] = [];
  const sandbox = createSandbox(options);
  let judged = 0;
  const outer = express();
  outer.use(express.json({ limit: '5mb' }));
  outer.use(express.urlencoded({ extended: false }));
  // The validators coerce query values and fill in defaults; the sandbox must see the request as it was sent.
  outer.use((req, res, next) => {
    res.locals.rawQuery = structuredClone(req.query);
    res.locals.rawBody = structuredClone(req.body as unknown);
    next();
  });
  for (const document of documents) {
    outer.use(validatorFor(document, violations));
    outer.use(((error: { status?: number; message?: string }, req, res, next) => {
      if (error.status === undefined || error.status >= 500) {
        next(error);
        return;
      }
      violations.push({
        document,
        direction: 'request',
        method: req.method,
        path: req.originalUrl,
        status: error.status,
        message: error.message ?? '',
      });
      res.status(error.status).json({
        status: 'error',
        message: `contract violation: ${error.message ?? ''}`,
        category: 'VALIDATION_ERROR',
      });
    }) as ErrorRequestHandler);
  }
  outer.use((req, res, next) => {
    if ((req as { openapi?: unknown }).openapi !== undefined) judged += 1;
    // The validator pins req.query as its own property; refill that object with the values as sent.
    const query = req.query as Record<string, unknown>;
    for (const key of Object.keys(query)) Reflect.deleteProperty(query, key);
    Object.assign(query, res.locals.rawQuery);
    req.body = res.locals.rawBody;
    next();
  });
  outer.use(sandbox.app);
  const server: Server = outer.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const portalId = sandbox.world.portals()[0]?.portalId ?? 0;
  return {
    baseUrl,
    sandbox,
    accessToken: sandbox.world.staticToken,
    portalId,
    clientId: sandbox.world.app.clientId,
    clientSecret: sandbox.world.app.clientSecret,
    violations,
    judged: () => judged,
    async close() {
      await sandbox.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
    },
  };
}
