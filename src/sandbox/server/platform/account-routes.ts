import { Router } from 'express';

import { requestContext } from '../request-context.ts';
import type { SandboxWorld } from './sandbox-world.ts';

/**
 * The account endpoints a connected app uses outside the CRM: who am I (`GET /account-info/v3/details`, the
 * way a static private-app token learns its portal id, since token info does not know such tokens) and
 * "uninstall me" (`DELETE /appinstalls/v3/external-install`, which revokes every token of the portal).
 * Both sit behind the bearer-token middleware.
 */
export function createAccountRoutes(world: SandboxWorld): Router {
  const router = Router();
  router.get('/account-info/v3/details', (_req, res) => {
    const { portalId } = requestContext(res);
    const identity = world.identity(portalId);
    res.json({
      portalId,
      accountType: 'STANDARD',
      timeZone: 'UTC',
      companyCurrency: 'USD',
      additionalCurrencies: [],
      utcOffset: '+00:00',
      utcOffsetMilliseconds: 0,
      uiDomain: 'app.hubspot.com',
      dataHostingLocation: 'na1',
      hubDomain: identity.hubDomain,
    });
  });
  router.delete('/appinstalls/v3/external-install', (_req, res) => {
    world.uninstall(requestContext(res).portalId);
    res.status(204).end();
  });
  return router;
}
