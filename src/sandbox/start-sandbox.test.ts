import { describe, expect, it } from 'vitest';

import { verifyHubSpotSignature } from '../hubspot/signature/hubspot-signature.ts';
import { startReceiver } from './server/platform/testing-fixtures.ts';
import { startSandbox } from './start-sandbox.ts';

describe('startSandbox', () => {
  it('when asked for companies, then it generates the portal, listens and hands out working credentials', async () => {
    const running = await startSandbox({
      port: 0,
      companies: 10,
      seed: 3,
      generatedAt: Date.UTC(2026, 0, 1),
    });
    try {
      expect(running).toMatchObject({
        baseUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
        portalId: expect.any(Number),
        accessToken: expect.stringMatching(/^pat-na1-/),
        appId: running.sandbox.world.app.appId,
        clientId: running.sandbox.world.app.clientId,
        clientSecret: running.sandbox.world.app.clientSecret,
      });
      expect(running.sandbox.generated?.truth).toHaveLength(10);
      const unauthenticated = await fetch(`${running.baseUrl}/crm/v3/objects/companies`);
      expect(unauthenticated.status).toBe(401);
      const mutate = await fetch(`${running.baseUrl}/_sandbox/mutate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ count: 25, seed: 1 }),
      });
      expect(mutate.status).toBe(200);
      expect(((await mutate.json()) as { applied: number }).applied).toBe(25);
    } finally {
      await running.close();
    }
  });

  it('when the same seed and day start twice, then the portal and credentials are identical', async () => {
    const options = { port: 0, companies: 5, seed: 8, generatedAt: Date.UTC(2026, 0, 1) };
    const first = await startSandbox(options);
    const second = await startSandbox(options);
    try {
      expect(second.accessToken).toBe(first.accessToken);
      expect(second.clientSecret).toBe(first.clientSecret);
      expect(second.sandbox.generated?.truth).toEqual(first.sandbox.generated?.truth);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  it('when a client updates a company through the real CRM routes, then it sees rate headers and a signed webhook arrives', async () => {
    const receiver = await startReceiver();
    const running = await startSandbox({
      port: 0,
      companies: 5,
      seed: 2,
      webhookUrl: receiver.url,
      webhook: { flushDelayMs: 10 },
    });
    try {
      const headers = { authorization: `Bearer ${running.accessToken}`, 'content-type': 'application/json' };
      const list = await fetch(`${running.baseUrl}/crm/v3/objects/companies?limit=2`, { headers });
      expect(list.status).toBe(200);
      expect(list.headers.get('x-hubspot-ratelimit-max')).toBe('100');
      const page = (await list.json()) as { results: { id: string }[] };
      const companyId = page.results[0]?.id ?? '';
      const search = await fetch(`${running.baseUrl}/crm/v3/objects/companies/search`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ limit: 1 }),
      });
      expect(search.status).toBe(200);
      expect(search.headers.get('x-hubspot-ratelimit-max')).toBeNull();

      const patch = await fetch(`${running.baseUrl}/crm/v3/objects/companies/${companyId}`, {
        method: 'PATCH',
        headers,
        body: JSON.stringify({ properties: { numberofemployees: '4242' } }),
      });
      expect(patch.status).toBe(200);
      await running.sandbox.webhooks?.whenIdle();
      const delivery = receiver.received[0];
      expect(delivery).toBeDefined();
      const verification = verifyHubSpotSignature(
        {
          clientSecret: running.clientSecret,
          method: 'POST',
          uri: receiver.url,
          rawBody: delivery?.body ?? '',
          headers: delivery?.headers ?? {},
          accept: ['v3'],
        },
        Date.now(),
      );
      expect(verification.ok).toBe(true);
      expect(JSON.parse(delivery?.body ?? '[]')).toEqual([
        expect.objectContaining({
          subscriptionType: 'company.propertyChange',
          objectId: Number(companyId),
          propertyName: 'numberofemployees',
          propertyValue: '4242',
          portalId: running.portalId,
          appId: running.appId,
        }),
      ]);
    } finally {
      await running.close();
      await receiver.close();
    }
  });
});
