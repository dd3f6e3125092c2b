import { join } from 'node:path';

import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { installPortals } from '../../src/jobs/testing/fake-sync.ts';
import { createPreview } from '../../src/preview/create-preview.ts';
import type { DatabaseHandle } from '../../src/store/open-database.ts';
import { createCapturingLogger } from '../support/capturing-logger.ts';
import { buildTestApp, testClientSecret, testPublicBaseUrl } from '../support/test-app.ts';
import { testDatabaseTargets } from '../support/test-databases.ts';

const now = () => new Date('2026-11-24T12:00:00.000Z');

describe.each(testDatabaseTargets())('the /preview routes on $name', (target) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await target.open();
    await installPortals(handle.db, [555]);
  });
  afterAll(async () => {
    await handle.close();
  });

  const withPreview = (clientSecret: string | undefined = testClientSecret) =>
    buildTestApp(handle, {
      preview: createPreview({
        db: handle.db,
        logger: createCapturingLogger().logger,
        publicBaseUrl: testPublicBaseUrl,
        clientSecret,
        now,
        projectRoot: join(import.meta.dirname, '..', '..'),
      }),
    }).app;

  it('when the app is built without the preview (production), then /preview does not exist', async () => {
    const { app } = buildTestApp(handle);
    expect((await request(app).get('/preview')).status).toBe(404);
    expect(
      (
        await request(app)
          .post('/preview/fetch')
          .send({ url: `${testPublicBaseUrl}/readyz` })
      ).status,
    ).toBe(404);
  });

  it('when the preview is mounted, then /preview answers the host page with the boot data', async () => {
    const response = await request(withPreview()).get('/preview?lang=pt-BR');
    expect(response.status).toBe(200);
    expect(response.text).toContain('<div id="preview-root"></div>');
    expect(response.text).toContain('"language":"pt-BR"');
    expect(response.text).toContain(`"PUBLIC_BASE_URL":"${testPublicBaseUrl}"`);
  });

  it('when a card fetches a signed route through the signer, then the route table accepts the signature', async () => {
    const response = await request(withPreview())
      .post('/preview/fetch')
      .send({ url: `${testPublicBaseUrl}/api/sync/status?portalId=555`, method: 'GET' });
    expect(response.status).toBe(200);
    const proxied = response.body as { status: number; body: string };
    expect(proxied.status).toBe(200);
    expect(JSON.parse(proxied.body)).toHaveProperty('runs');
  });

  it('when the signer signs with a secret other than the app’s, then the route table refuses with 401', async () => {
    const response = await request(withPreview('not-the-app-secret'))
      .post('/preview/fetch')
      .send({ url: `${testPublicBaseUrl}/api/sync/status?portalId=555`, method: 'GET' });
    expect((response.body as { status: number }).status).toBe(401);
  });

  it('when a card fetches a URL outside PUBLIC_BASE_URL, then the signer refuses and calls nothing', async () => {
    const response = await request(withPreview())
      .post('/preview/fetch')
      .send({ url: 'https://elsewhere.example.com/api/sync/status?portalId=555', method: 'GET' });
    expect(response.status).toBe(400);
    expect((response.body as { body: string }).body).toContain('permitted fetch URL');
  });
});
