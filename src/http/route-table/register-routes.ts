import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Kysely } from 'kysely';

import {
  HUBSPOT_SIGNATURE_HEADERS,
  MAX_TIMESTAMP_SKEW_MS,
} from '../../hubspot/signature/hubspot-signature.ts';
import { AppError } from '../../shared/errors/app-error.ts';
import type { Database } from '../../store/database-schema.ts';
import { isPortalUser } from '../../store/repositories/owners-repository.ts';
import { isPortalInstalled } from '../../store/repositories/portals-repository.ts';
import {
  forgetSignedRequest,
  recordSignedRequest,
} from '../../store/repositories/signed-requests-repository.ts';
import { requireHubSpotSignature } from '../middleware/require-hubspot-signature.ts';
import type { Identity, RouteResult, RouteSpec } from './route-spec.ts';
import { plainQuery, readIdentityQuery } from './signed-identity.pure.ts';
import { findUnsafeText } from './unsafe-text.pure.ts';

/** HubSpot's hubspot.fetch limit for a response; a card never receives a larger one. */
export const maxResponseBytes = 1_000_000;
/** Deeper than any request of ours; bounded so no parser down the line runs out of stack. */
const maxInputDepth = 32;

export interface RouteTableDeps {
  db: Kysely<Database>;
  publicBaseUrl: string;
  hubspotClientSecret: string | undefined;
  now: () => Date;
}

/**
 * Registers every route of the table, each behind the checks its spec declares, in this order: signature,
 * identity (strict, from the signed URL), portal install, user membership, input text and schemas, replay,
 * handler, response schema and size. A path answers 405 for methods it lacks, after its signature check, so
 * an unsigned probe learns nothing.
 */
export function createRouteTableRouter(specs: readonly RouteSpec[], deps: RouteTableDeps): Router {
  const router = Router();
  const verifiers = new Map<string, RequestHandler>();
  const verifierFor = (spec: RouteSpec): RequestHandler | undefined => {
    if (spec.auth.kind !== 'hubspot') return undefined;
    const key = spec.auth.versions.join('+');
    let verifier = verifiers.get(key);
    if (verifier === undefined) {
      verifier = requireHubSpotSignature({
        clientSecret: deps.hubspotClientSecret,
        publicBaseUrl: deps.publicBaseUrl,
        accept: spec.auth.versions,
        now: () => deps.now().getTime(),
      });
      verifiers.set(key, verifier);
    }
    return verifier;
  };

  const paths = new Map<string, RouteSpec[]>();
  for (const spec of specs) {
    const onPath = paths.get(spec.path) ?? [];
    if (onPath.some((other) => other.method === spec.method))
      throw new Error(`route table: ${spec.method} ${spec.path} is declared twice`);
    paths.set(spec.path, [...onPath, spec]);
    const verify = verifierFor(spec);
    const handle = handlerFor(spec, deps);
    const method = spec.method.toLowerCase() as Lowercase<RouteSpec['method']>;
    router[method](spec.path, ...(verify === undefined ? [handle] : [verify, handle]));
  }
  for (const [path, onPath] of paths) {
    const allowed = onPath.map((spec) => spec.method).join(', ');
    const verify = onPath.map(verifierFor).find((handler) => handler !== undefined);
    const refuse: RequestHandler = (req, res, next) => {
      res.setHeader('Allow', allowed);
      next(new AppError('METHOD_NOT_ALLOWED', `${req.method} is not allowed here; use ${allowed}`));
    };
    router.all(path, ...(verify === undefined ? [refuse] : [verify, refuse]));
  }
  return router;
}

function handlerFor(spec: RouteSpec, deps: RouteTableDeps): RequestHandler {
  return (req, res, next) => {
    serve(spec, deps, req, res).catch(next);
  };
}

async function serve(spec: RouteSpec, deps: RouteTableDeps, req: Request, res: Response): Promise<void> {
  const search = new URL(req.originalUrl, 'http://harbor.invalid').searchParams;
  const { identity, query } = await readIdentity(spec, deps.db, search);
  const log = identity.portalId === undefined ? req.log : req.log.child({ portalId: identity.portalId });

  const textProblem =
    findUnsafeText(req.params, maxInputDepth) ??
    findUnsafeText(query, maxInputDepth) ??
    (spec.itemChecks !== undefined ? undefined : findUnsafeText(req.body, maxInputDepth));
  if (textProblem !== undefined) throw new AppError('VALIDATION_FAILED', textProblem);
  const params: unknown = spec.params.parse(req.params);
  const parsedQuery: unknown = spec.query.parse(query);
  const body: unknown = spec.body.parse(req.body);

  const signature = spec.effect === 'write' ? signatureOf(req) : undefined;
  if (signature !== undefined) {
    const now = deps.now();
    const isFirst = await recordSignedRequest(
      deps.db,
      { signature, route: `${spec.method} ${spec.path}`, portalId: identity.portalId },
      now,
      new Date(now.getTime() - 2 * MAX_TIMESTAMP_SKEW_MS),
    );
    if (!isFirst)
      throw new AppError('REPLAYED_REQUEST', 'This signed request was already received; send a new one');
  }
  let result: RouteResult<unknown>;
  try {
    result = await spec.handler({ identity, params, query: parsedQuery, body, headers: req.headers, log });
  } catch (error) {
    // A request that changed nothing may come again (HubSpot retries once on a 5xx) and must not look replayed.
    if (signature !== undefined) await forgetSignedRequest(deps.db, signature);
    throw error;
  }
  send(spec, result, res, log);
}

async function readIdentity(
  spec: RouteSpec,
  db: Kysely<Database>,
  search: URLSearchParams,
): Promise<{ identity: Identity; query: Record<string, string | string[]> }> {
  if (spec.identity.kind !== 'signed-url')
    return { identity: { portalId: undefined, userId: undefined }, query: plainQuery(search) };
  const read = readIdentityQuery(search, { user: spec.identity.user });
  if (!read.ok) throw new AppError('IDENTITY_INVALID', `Cannot tell who is asking: ${read.message}`);
  if (!(await isPortalInstalled(db, read.portalId)))
    throw new AppError('PORTAL_NOT_INSTALLED', `Harbor is not installed in HubSpot account ${read.portalId}`);
  if (
    spec.identity.user === 'member' &&
    read.userId !== undefined &&
    !(await isPortalUser(db, read.portalId, read.userId))
  ) {
    throw new AppError(
      'USER_NOT_IN_PORTAL',
      `HubSpot user ${read.userId} is not a user of account ${read.portalId} (as of Harbor's last sync)`,
    );
  }
  return { identity: { portalId: read.portalId, userId: read.userId }, query: read.rest };
}

/** The signature that identifies this exact request (v3 carries its timestamp, so a fresh one differs). */
function signatureOf(req: Request): string | undefined {
  const header = req.headers[HUBSPOT_SIGNATURE_HEADERS.v3] ?? req.headers[HUBSPOT_SIGNATURE_HEADERS.v2];
  return typeof header === 'string' ? header : undefined;
}

function send(spec: RouteSpec, result: RouteResult<unknown>, res: Response, log: Request['log']): void {
  if (result.kind === 'redirect' || result.kind === 'text') {
    for (const change of result.cookies ?? []) {
      if ('clear' in change) res.clearCookie(change.name, { path: change.path });
      else {
        const { maxAgeMs, ...options } = change.options;
        res.cookie(change.name, change.value, { ...options, maxAge: maxAgeMs });
      }
    }
    if (result.kind === 'redirect') res.redirect(302, result.location);
    else
      res
        .status(result.status ?? 200)
        .type(result.contentType)
        .send(result.body);
    return;
  }
  const checked = spec.response.safeParse(result.body);
  if (!checked.success) {
    const issues = checked.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new AppError('INTERNAL', 'Internal error', {
      details: { reason: 'response does not match its schema', route: spec.path, issues },
      isOperational: false,
    });
  }
  const json = JSON.stringify(result.body);
  const bytes = Buffer.byteLength(json);
  if (bytes > maxResponseBytes) {
    log.error({ route: spec.path, bytes }, 'response exceeds the 1 MB hubspot.fetch limit');
    throw new AppError('RESPONSE_TOO_LARGE', 'The answer is too large; ask for a smaller page');
  }
  res
    .status(result.status ?? 200)
    .type('application/json')
    .send(json);
}
