import type { z } from 'zod';

import type { SignatureVersion } from '../../hubspot/signature/hubspot-signature.ts';
import type { Logger } from '../../shared/logger.ts';
import type { Database } from '../../store/database-schema.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call a route. `hubspot` routes need a valid HubSpot signature of one of the listed versions
 * (cards and pages through hubspot.fetch: v3; workflow actions: v3 or v2, as HubSpot sends them).
 */
export type RouteAuth = { kind: 'public' } | { kind: 'hubspot'; versions: readonly SignatureVersion[] };

/**
 * Where the portal and user come from. `signed-url`: the `portalId` (and `userId`) query parameters of the
 * signed URL, strictly parsed, exactly one of each; the portal must have an active install. `user: 'member'`
 * also requires the user to be one of the portal's HubSpot users (its owners). `signed-body`: the handler
 * reads the portal from the signed body itself (webhook batches name a portal per event). `none`: public.
 */
export type RouteIdentity =
  { kind: 'none' } | { kind: 'signed-body' } | { kind: 'signed-url'; user: 'optional' | 'member' };

/**
 * What a request does to stored data. `write`: a replayed signed request inside the signature window is
 * refused (a replayed model edit could undo a later one). `idempotent`: repeating it changes nothing more
 * (webhook events dedupe by id). `read`: replays are harmless.
 */
export type RouteEffect = 'read' | 'idempotent' | 'write';

export interface Identity {
  portalId: number | undefined;
  /** The signed HubSpot user id (decimal digits), when the request named one. */
  userId: string | undefined;
}

export interface PortalIdentity extends Identity {
  portalId: number;
}

/** A route's answer: JSON checked against its response schema, a redirect, or a text body (HTML, metrics). */
export type RouteResult<Response> =
  | { kind: 'json'; status?: number; body: Response }
  | { kind: 'redirect'; location: string; cookies?: readonly CookieChange[] }
  | { kind: 'text'; status?: number; contentType: string; body: string; cookies?: readonly CookieChange[] };

export type CookieChange =
  { name: string; value: string; options: CookieOptions } | { name: string; clear: true; path: string };

export interface CookieOptions {
  httpOnly: boolean;
  sameSite: 'lax' | 'strict';
  secure: boolean;
  path: string;
  maxAgeMs: number;
}

export interface RouteContext<Params, Query, Body, Who> {
  identity: Who;
  params: Params;
  query: Query;
  body: Body;
  /** Request headers, for the few public routes that read one (the OAuth nonce cookie). */
  headers: Readonly<Record<string, string | string[] | undefined>>;
  log: Logger;
}

type IdentityOf<I extends RouteIdentity> = I extends { kind: 'signed-url' } ? PortalIdentity : Identity;

/**
 * One route of the service: everything the registrar needs to check a request before the handler runs and
 * the answer after it. Every route of createApp comes from such a spec, so none can skip a check.
 */
export interface RouteSpec<
  Params extends z.ZodType = z.ZodType,
  Query extends z.ZodType = z.ZodType,
  Body extends z.ZodType = z.ZodType,
  Response extends z.ZodType = z.ZodType,
  I extends RouteIdentity = RouteIdentity,
> {
  method: HttpMethod;
  /** Express path pattern, e.g. `/api/health/companies/:companyId`. */
  path: string;
  /** One line for docs and the security report. */
  summary: string;
  auth: RouteAuth;
  identity: I;
  effect: RouteEffect;
  params: Params;
  /** The query without the identity parameters (portalId, userId), which the registrar takes out first. */
  query: Query;
  /** Parsed JSON body; routes without one use `noBody`. */
  body: Body;
  /** Checked on every JSON answer; the largest valid answer must fit HubSpot's 1 MB hubspot.fetch limit. */
  response: Response;
  /**
   * Set when the handler checks the body's items one by one and records the ones it refuses in
   * `refusalsTable`, answering for the rest (a webhook batch keeps its good events). Strings with NUL or lone
   * surrogates then reach the handler; everywhere else they are a 400 before it runs.
   */
  itemChecks?: { refusalsTable: keyof Database };
  /** A valid request for tests (the security walk signs and mutates it); identity parameters go in query. */
  example: { params?: Record<string, string>; query?: Record<string, string>; body?: unknown };
  // NoInfer: the schemas alone decide the types; a handler's literals must not widen them.
  handler: (
    context: RouteContext<
      z.infer<NoInfer<Params>>,
      z.infer<NoInfer<Query>>,
      z.infer<NoInfer<Body>>,
      IdentityOf<NoInfer<I>>
    >,
  ) => Promise<RouteResult<z.infer<NoInfer<Response>>>> | RouteResult<z.infer<NoInfer<Response>>>;
}

/** Keeps each spec's types precise while the table holds them side by side. */
export function defineRoute<
  Params extends z.ZodType,
  Query extends z.ZodType,
  Body extends z.ZodType,
  Response extends z.ZodType,
  I extends RouteIdentity,
>(spec: RouteSpec<Params, Query, Body, Response, I>): RouteSpec {
  return spec;
}
