import { Router } from 'express';
import { z } from 'zod';

import { parseInput } from '../http/parse-input.ts';
import { AppError } from '../shared/errors/app-error.ts';
import { optionalScopes, requiredScopes } from './harbor-scopes.ts';
import type { Installer } from './installer.ts';
import { checkState, issueState } from './oauth-state.ts';

export interface OAuthSettings {
  clientId: string;
  /** HubSpot's authorize page (the sandbox's stand-in in demos and tests). */
  authorizeUrl: string;
  /** `${PUBLIC_BASE_URL}/oauth/callback`, registered in app-hsmeta.json's redirectUrls. */
  redirectUri: string;
  stateKey: Buffer;
}

const nonceCookie = 'harbor_oauth_nonce';

const callbackQuery = z.union([
  z.object({ error: z.string().max(200), error_description: z.string().max(500).optional() }),
  z.object({ code: z.string().min(1).max(512), state: z.string().min(1).max(512) }),
]);

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/** GET /oauth/install starts HubSpot's OAuth consent; GET /oauth/callback finishes it and records the portal. */
export function createInstallRoutes(deps: {
  oauth: OAuthSettings | undefined;
  installer: Installer;
  now: () => Date;
}): Router {
  const router = Router();

  function settings(): OAuthSettings {
    if (deps.oauth === undefined) {
      throw new AppError(
        'SERVICE_UNAVAILABLE',
        'OAuth installs need HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET',
      );
    }
    return deps.oauth;
  }

  router.get('/oauth/install', (_req, res) => {
    const oauth = settings();
    const state = issueState(oauth.stateKey, deps.now().getTime());
    const url = new URL(oauth.authorizeUrl);
    url.searchParams.set('client_id', oauth.clientId);
    url.searchParams.set('redirect_uri', oauth.redirectUri);
    url.searchParams.set('scope', requiredScopes.join(' '));
    url.searchParams.set('optional_scope', optionalScopes.join(' '));
    url.searchParams.set('state', state);
    res.cookie(nonceCookie, state.split('.')[0] ?? '', {
      httpOnly: true,
      sameSite: 'lax',
      secure: oauth.redirectUri.startsWith('https://'),
      path: '/oauth',
      maxAge: 10 * 60 * 1000,
    });
    res.redirect(302, url.toString());
  });

  router.get('/oauth/callback', async (req, res) => {
    const oauth = settings();
    const query = parseInput(callbackQuery, req.query);
    if ('error' in query) {
      throw new AppError(
        'VALIDATION_FAILED',
        `HubSpot did not authorize the install: ${query.error_description ?? query.error}`,
      );
    }
    const check = checkState(oauth.stateKey, query.state, deps.now().getTime());
    if (!check.ok) throw new AppError('UNAUTHORIZED', `Install refused: ${check.reason}`);
    if (readCookie(req.headers.cookie, nonceCookie) !== check.nonce) {
      throw new AppError(
        'UNAUTHORIZED',
        'Install refused: it was started in another browser; start it again',
      );
    }
    const installed = await deps.installer.completeOAuthInstall(query.code);
    res.clearCookie(nonceCookie, { path: '/oauth' });
    req.log.info({ portalId: installed.portalId, scopes: installed.scopes }, 'app installed');
    res
      .type('html')
      .send(
        `<!doctype html><title>Harbor installed</title><h1>Harbor is installed</h1><p>Portal ${installed.portalId} is connected. You can close this tab and open a Company record in HubSpot.</p>`,
      );
  });

  return router;
}
