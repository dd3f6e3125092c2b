import type { RequestHandler, Response } from 'express';

import { sendHubSpotError } from '../hubspot-error.ts';
import { setRequestContext } from '../request-context.ts';
import type { SandboxWorld } from './sandbox-world.ts';
import type { AccessTokenRecord } from './token-registry.ts';

/** HubSpot's 401 text for a missing, unknown or revoked token (seen verbatim from api.hubapi.com). */
export const CREDENTIALS_NOT_FOUND_MESSAGE =
  'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview';

/** HubSpot's 401 text for an expired OAuth access token. */
export function expiredTokenMessage(expiredMsAgo: number): string {
  return `The OAuth token used to make this call expired ${Math.floor(expiredMsAgo / 60_000)} minute(s) ago.`;
}

/**
 * `Authorization: Bearer <token>` → the portal's request context for the CRM routes; anything else → HubSpot's
 * 401 body (INVALID_AUTHENTICATION, or EXPIRED_AUTHENTICATION for an expired OAuth token).
 */
export function requireBearerToken(world: SandboxWorld): RequestHandler {
  return (req, res, next) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
    const token = match?.[1];
    if (token === undefined) {
      sendHubSpotError(res, 401, 'INVALID_AUTHENTICATION', CREDENTIALS_NOT_FOUND_MESSAGE);
      return;
    }
    const lookup = world.tokens.lookupAccess(token, world.now());
    if (lookup.status === 'expired') {
      sendHubSpotError(res, 401, 'EXPIRED_AUTHENTICATION', expiredTokenMessage(lookup.expiredMsAgo));
      return;
    }
    const store = lookup.status === 'valid' ? world.portal(lookup.record.portalId) : undefined;
    if (lookup.status !== 'valid' || store === undefined || !world.isInstalled(store.portalId)) {
      sendHubSpotError(res, 401, 'INVALID_AUTHENTICATION', CREDENTIALS_NOT_FOUND_MESSAGE);
      return;
    }
    setRequestContext(res, { store, portalId: store.portalId, appId: world.app.appId, now: world.now });
    res.locals.sandboxToken = lookup.record;
    next();
  };
}

/** The token that authenticated this request (behind requireBearerToken only). */
export function authenticatedToken(res: Response): AccessTokenRecord | undefined {
  return res.locals.sandboxToken as AccessTokenRecord | undefined;
}
