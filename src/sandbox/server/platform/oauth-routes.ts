import { randomUUID } from 'node:crypto';

import express, { Router, type Response } from 'express';
import { z } from 'zod';

import { sendHubSpotError } from '../hubspot-error.ts';
import { expiredTokenMessage } from './auth-middleware.ts';
import type { SandboxWorld } from './sandbox-world.ts';

/**
 * OAuth token-endpoint failures as `{ status, message, correlationId }`. BAD_AUTH_CODE / "missing or unknown
 * auth code" and BAD_REFRESH_TOKEN / "missing or invalid refresh token" are HubSpot's observed answers;
 * BAD_CLIENT_ID and EXPIRED_AUTH_CODE are statuses HubSpot is known to send, with modelled messages; the rest
 * (BAD_GRANT_TYPE, BAD_CLIENT_SECRET, BAD_REDIRECT_URI and their messages) are modelled.
 */
const oauthErrors = {
  BAD_GRANT_TYPE: 'missing or unsupported grant_type',
  BAD_CLIENT_ID: 'missing or invalid client_id',
  BAD_CLIENT_SECRET: 'missing or invalid client_secret',
  BAD_AUTH_CODE: 'missing or unknown auth code',
  EXPIRED_AUTH_CODE: 'auth code is expired',
  BAD_REDIRECT_URI: 'redirect_uri does not match the one the auth code was issued for',
  BAD_REFRESH_TOKEN: 'missing or invalid refresh token',
  BAD_SCOPE: 'missing scope',
} as const;
type OAuthErrorStatus = keyof typeof oauthErrors;

function sendOAuthError(res: Response, status: OAuthErrorStatus): void {
  res.status(400).json({ status, message: oauthErrors[status], correlationId: randomUUID() });
}

const optionalText = z.string().optional();

const authorizeQuery = z.object({
  client_id: optionalText,
  redirect_uri: optionalText,
  scope: optionalText,
  optional_scope: optionalText,
  state: optionalText,
  /** Sandbox extension: install into this portal (created empty if new) instead of the default one. */
  portal_id: z.coerce.number().int().positive().max(2_147_483_647).optional(),
});

const tokenForm = z.object({
  grant_type: optionalText,
  client_id: optionalText,
  client_secret: optionalText,
  code: optionalText,
  redirect_uri: optionalText,
  refresh_token: optionalText,
});

/** HubSpot separates scopes with spaces in the install URL (a `+` once form-decoded); commas are accepted too. */
function splitScopes(text: string | undefined): string[] {
  return (text ?? '').split(/[\s,+]+/).filter((scope) => scope !== '');
}

/**
 * The OAuth slice: the install stand-in (`/oauth/authorize` installs at once and redirects with a code — no
 * consent page), the v1 token endpoint, token info and refresh-token deletion.
 */
export function createOAuthRoutes(world: SandboxWorld): Router {
  const router = Router();

  router.get('/oauth/authorize', (req, res) => {
    const query = authorizeQuery.safeParse(req.query);
    if (!query.success) {
      sendHubSpotError(
        res,
        400,
        'VALIDATION_ERROR',
        `invalid install request: ${query.error.issues[0]?.message ?? ''}`,
      );
      return;
    }
    const { client_id, redirect_uri, scope, optional_scope, state, portal_id } = query.data;
    if (client_id !== world.app.clientId) {
      sendOAuthError(res, 'BAD_CLIENT_ID');
      return;
    }
    const redirect = parseRedirectUri(redirect_uri);
    if (redirect === undefined) {
      sendOAuthError(res, 'BAD_REDIRECT_URI');
      return;
    }
    const scopes = [...new Set([...splitScopes(scope), ...splitScopes(optional_scope)])];
    if (splitScopes(scope).length === 0) {
      sendOAuthError(res, 'BAD_SCOPE');
      return;
    }
    const portalId = portal_id ?? world.defaultPortalId;
    world.install(portalId);
    const code = world.tokens.createCode(portalId, scopes, redirect_uri ?? '', world.now());
    redirect.searchParams.set('code', code);
    if (state !== undefined) redirect.searchParams.set('state', state);
    res.redirect(302, redirect.toString());
  });

  router.post('/oauth/v1/token', express.urlencoded({ extended: false }), (req, res) => {
    const form = tokenForm.safeParse(req.body ?? {});
    const body = form.success ? form.data : {};
    if (body.grant_type !== 'authorization_code' && body.grant_type !== 'refresh_token') {
      sendOAuthError(res, 'BAD_GRANT_TYPE');
      return;
    }
    if (body.client_id !== world.app.clientId) {
      sendOAuthError(res, 'BAD_CLIENT_ID');
      return;
    }
    if (body.client_secret !== world.app.clientSecret) {
      sendOAuthError(res, 'BAD_CLIENT_SECRET');
      return;
    }
    const now = world.now();
    let grant: { portalId: number; scopes: readonly string[]; refreshToken: string };
    if (body.grant_type === 'authorization_code') {
      const redemption = world.tokens.redeemCode(body.code ?? '', body.redirect_uri ?? '', now);
      if (!redemption.ok) {
        const reasons = {
          unknown: 'BAD_AUTH_CODE',
          expired: 'EXPIRED_AUTH_CODE',
          redirect_mismatch: 'BAD_REDIRECT_URI',
        } as const;
        sendOAuthError(res, reasons[redemption.reason]);
        return;
      }
      const refresh = world.tokens.issueRefreshToken(redemption.portalId, redemption.scopes);
      grant = { portalId: redemption.portalId, scopes: redemption.scopes, refreshToken: refresh.token };
    } else {
      const refresh = world.tokens.lookupRefresh(body.refresh_token ?? '');
      if (refresh === undefined || !world.isInstalled(refresh.portalId)) {
        sendOAuthError(res, 'BAD_REFRESH_TOKEN');
        return;
      }
      // HubSpot answers a refresh with a new access token and the same refresh token.
      grant = { portalId: refresh.portalId, scopes: refresh.scopes, refreshToken: refresh.token };
    }
    const access = world.tokens.issueAccessToken(
      grant.portalId,
      grant.scopes,
      world.accessTokenTtlSeconds,
      now,
    );
    res.json({
      token_type: 'bearer',
      refresh_token: grant.refreshToken,
      access_token: access.token,
      expires_in: world.accessTokenTtlSeconds,
      token_use: 'access_token',
      hub_id: grant.portalId,
      user_id: world.identity(grant.portalId).userId,
      scopes: grant.scopes,
    });
  });

  router.get('/oauth/v1/access-tokens/:token', (req, res) => {
    const lookup = world.tokens.lookupAccess(req.params.token, world.now());
    if (lookup.status === 'expired') {
      sendHubSpotError(res, 401, 'EXPIRED_AUTHENTICATION', expiredTokenMessage(lookup.expiredMsAgo));
      return;
    }
    // Static (private-app style) tokens are not OAuth tokens, so this legacy endpoint does not know them.
    if (
      lookup.status === 'unknown' ||
      lookup.record.kind === 'static' ||
      lookup.record.expiresAt === undefined
    ) {
      sendHubSpotError(res, 404, 'OBJECT_NOT_FOUND', 'Token not found');
      return;
    }
    const identity = world.identity(lookup.record.portalId);
    res.json({
      token: lookup.record.token,
      user: identity.user,
      hub_domain: identity.hubDomain,
      scopes: lookup.record.scopes,
      hub_id: lookup.record.portalId,
      app_id: world.app.appId,
      expires_in: Math.max(0, Math.floor((lookup.record.expiresAt - world.now()) / 1000)),
      user_id: identity.userId,
      token_type: 'access',
      is_private_distribution: true,
    });
  });

  router.get('/oauth/v1/refresh-tokens/:token', (req, res) => {
    const refresh = world.tokens.lookupRefresh(req.params.token);
    if (refresh === undefined) {
      sendHubSpotError(res, 404, 'OBJECT_NOT_FOUND', 'Token not found');
      return;
    }
    const identity = world.identity(refresh.portalId);
    res.json({
      token: refresh.token,
      user: identity.user,
      hub_domain: identity.hubDomain,
      scopes: refresh.scopes,
      hub_id: refresh.portalId,
      client_id: world.app.clientId,
      user_id: identity.userId,
      token_type: 'refresh',
    });
  });

  router.delete('/oauth/v1/refresh-tokens/:token', (req, res) => {
    if (!world.tokens.deleteRefresh(req.params.token)) {
      sendHubSpotError(res, 404, 'OBJECT_NOT_FOUND', 'Token not found');
      return;
    }
    res.status(204).end();
  });

  return router;
}

function parseRedirectUri(text: string | undefined): URL | undefined {
  if (text === undefined || !URL.canParse(text)) return undefined;
  const url = new URL(text);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
}
