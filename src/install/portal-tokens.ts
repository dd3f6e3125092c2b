import type { Kysely } from 'kysely';

import { createStoredTokenSources } from '../hubspot/hubspot-gateway.ts';
import type { TokenSource } from '../hubspot/token-source.ts';
import type { TokenCipher } from '../shared/crypto/token-cipher.ts';
import type { Database } from '../store/database-schema.ts';
import { appendAudit } from '../store/repositories/audit-log-repository.ts';
import {
  findPortalCredentials,
  markUninstalled,
  saveRefreshedTokens,
} from '../store/repositories/portals-repository.ts';

export interface PortalTokenDeps {
  db: Kysely<Database>;
  cipher: TokenCipher;
  /** The app's OAuth client; absent for static-token installs, which never refresh. */
  oauthClient: { clientId: string; clientSecret: string } | undefined;
  basePath: string;
  now: () => Date;
}

/** Marks the portal uninstalled and audits why, in one transaction. */
export async function recordUninstall(
  db: Kysely<Database>,
  portalId: number,
  reason: string,
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    if (!(await markUninstalled(tx, portalId, now))) return;
    await appendAudit(tx, {
      portalId,
      actor: 'harbor',
      action: 'app.uninstall',
      entity: `portal:${portalId}`,
      before: null,
      after: { reason },
    });
  });
}

/**
 * Access tokens for one portal from the store: refreshed before expiry and saved encrypted. When HubSpot
 * rejects the refresh token the app was uninstalled (or revoked), so the portal is marked inactive: HubSpot
 * sends no uninstall notification, this is how Harbor learns of it.
 */
export function createPortalTokenSource(deps: PortalTokenDeps, portalId: number): TokenSource {
  return portalTokenSources(deps)(portalId);
}

/** The same, as the gateway's `tokenSourceFor`. */
export function portalTokenSources(deps: PortalTokenDeps): (portalId: number) => TokenSource {
  return createStoredTokenSources({
    basePath: deps.basePath,
    oauthClient: deps.oauthClient,
    now: () => deps.now().getTime(),
    load: (id) => findPortalCredentials(deps.db, deps.cipher, id),
    save: (id, tokens) => saveRefreshedTokens(deps.db, deps.cipher, id, tokens, deps.now()),
    onRefreshRejected: (id) => recordUninstall(deps.db, id, 'HubSpot rejected the refresh token', deps.now()),
  });
}
