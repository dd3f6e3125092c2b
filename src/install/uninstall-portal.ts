import { uninstallApp } from '../hubspot/account.ts';
import { AppError } from '../shared/errors/app-error.ts';
import { findPortalCredentials } from '../store/repositories/portals-repository.ts';
import { createPortalTokenSource, recordUninstall, type PortalTokenDeps } from './portal-tokens.ts';

/**
 * Removes Harbor from a portal: asks HubSpot to uninstall the app (DELETE /appinstalls/v3/external-install),
 * then marks the portal inactive. The data stays; a re-install picks up where it left off.
 */
export async function uninstallPortal(deps: PortalTokenDeps, portalId: number): Promise<void> {
  const credentials = await findPortalCredentials(deps.db, deps.cipher, portalId);
  if (credentials === undefined) throw new AppError('NOT_FOUND', `Portal ${portalId} never installed Harbor`);
  if (!credentials.isActive) return;
  const accessToken = await createPortalTokenSource(deps, portalId).accessToken();
  await uninstallApp(accessToken, { basePath: deps.basePath });
  await recordUninstall(deps.db, portalId, 'uninstalled on request', deps.now());
}
