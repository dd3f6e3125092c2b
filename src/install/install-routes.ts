import { z } from 'zod';

import { defineRoute, type RouteSpec } from '../http/route-table/route-spec.ts';
import { noBody, noParams, noQuery } from '../http/route-table/wire-schemas.ts';
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
  z.strictObject({ error: z.string().max(200), error_description: z.string().max(500).optional() }),
  z.strictObject({ code: z.string().min(1).max(512), state: z.string().min(1).max(512) }),
]);

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

const publicRoute = {
  auth: { kind: 'public' },
  identity: { kind: 'none' },
  params: noParams,
  body: noBody,
} as const;

/** GET /oauth/install starts HubSpot's OAuth consent; GET /oauth/callback finishes it and records the portal. */
export function installRoutes(deps: {
  oauth: OAuthSettings | undefined;
  installer: Installer;
  now: () => Date;
}): RouteSpec[] {
  function settings(): OAuthSettings {
    if (deps.oauth === undefined) {
      throw new AppError(
        'SERVICE_UNAVAILABLE',
        'OAuth installs need HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET',
      );
    }
    return deps.oauth;
  }

  return [
    defineRoute({
      method: 'GET',
      path: '/oauth/install',
      summary: "starts HubSpot's OAuth consent (a redirect, with a nonce cookie)",
      ...publicRoute,
      effect: 'read',
      query: noQuery,
      response: z.never(),
      example: {},
      handler() {
        const oauth = settings();
        const state = issueState(oauth.stateKey, deps.now().getTime());
        const url = new URL(oauth.authorizeUrl);
        url.searchParams.set('client_id', oauth.clientId);
        url.searchParams.set('redirect_uri', oauth.redirectUri);
        url.searchParams.set('scope', requiredScopes.join(' '));
        url.searchParams.set('optional_scope', optionalScopes.join(' '));
        url.searchParams.set('state', state);
        return {
          kind: 'redirect',
          location: url.toString(),
          cookies: [
            {
              name: nonceCookie,
              value: state.split('.')[0] ?? '',
              options: {
                httpOnly: true,
                sameSite: 'lax',
                secure: oauth.redirectUri.startsWith('https://'),
                path: '/oauth',
                maxAgeMs: 10 * 60 * 1000,
              },
            },
          ],
        };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/oauth/callback',
      summary: 'finishes the OAuth install: checks state and nonce, stores the tokens',
      ...publicRoute,
      // The code is single-use at HubSpot, so a repeated callback cannot install twice.
      effect: 'idempotent',
      query: callbackQuery,
      response: z.never(),
      example: { query: { code: 'example-code', state: 'example-state' } },
      async handler({ query, headers, log }) {
        const oauth = settings();
        if ('error' in query) {
          throw new AppError(
            'VALIDATION_FAILED',
            `HubSpot did not authorize the install: ${query.error_description ?? query.error}`,
          );
        }
        const check = checkState(oauth.stateKey, query.state, deps.now().getTime());
        if (!check.ok) throw new AppError('UNAUTHORIZED', `Install refused: ${check.reason}`);
        const cookie = headers.cookie;
        if (readCookie(typeof cookie === 'string' ? cookie : undefined, nonceCookie) !== check.nonce) {
          throw new AppError(
            'UNAUTHORIZED',
            'Install refused: it was started in another browser; start it again',
          );
        }
        const installed = await deps.installer.completeOAuthInstall(query.code);
        log.info({ portalId: installed.portalId, scopes: installed.scopes }, 'app installed');
        return {
          kind: 'text',
          contentType: 'html',
          body: `<!doctype html><title>Harbor installed</title><h1>Harbor is installed</h1><p>Portal ${installed.portalId} is connected. You can close this tab and open a Company record in HubSpot.</p>`,
          cookies: [{ name: nonceCookie, clear: true, path: '/oauth' }],
        };
      },
    }),
  ];
}
