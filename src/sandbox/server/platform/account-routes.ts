import { Router } from 'express';

import { requestContext } from '../request-context.ts';
import type { SandboxWorld } from './sandbox-world.ts';

/**
 * The account endpoints a connected app uses outside the CRM: who am I (`GET /account-info/v3/details`, the
 * way a static private-app token learns its portal id, since token info does not know such tokens) and
 * "uninstall me" (`DELETE /appinstalls/v3/external-install`, which revokes every token of the portal).
 * Both sit behind the bearer-token middleware.
 */
/** HubSpot's offset fields for the zone as it is now (daylight saving moves them). */
function utcOffset(timeZone: string, now: Date): { utcOffset: string; utcOffsetMilliseconds: number } {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(now)
      .find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (match === null) return { utcOffset: '+00:00', utcOffsetMilliseconds: 0 };
  const [, sign = '+', hours = '00', minutes = '00'] = match;
  const milliseconds = (Number(hours) * 60 + Number(minutes)) * 60_000 * (sign === '-' ? -1 : 1);
  return { utcOffset: `${sign}${hours}:${minutes}`, utcOffsetMilliseconds: milliseconds };
}

export function createAccountRoutes(world: SandboxWorld): Router {
  const router = Router();
  router.get('/account-info/v3/details', (_req, res) => {
    const { portalId } = requestContext(res);
    const identity = world.identity(portalId);
    res.json({
      portalId,
      accountType: 'STANDARD',
      timeZone: identity.timeZone,
      companyCurrency: identity.companyCurrency,
      additionalCurrencies: [],
      ...utcOffset(identity.timeZone, new Date(world.now())),
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
