import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testDatabaseTargets } from '../../test/support/test-databases.ts';
import { createHubSpotGateway } from '../hubspot/hubspot-gateway.ts';
import { createMemoryLogger } from '../hubspot/testing/test-kit.ts';
import { createStaticTokenSource } from '../hubspot/token-source.ts';
import { startSandbox, type RunningSandbox } from '../sandbox/start-sandbox.ts';
import type { DatabaseHandle } from '../store/open-database.ts';
import { workflowsFrom } from './harbor-workflows.ts';

describe.each(testDatabaseTargets())(
  'installing Harbor workflows from two places at once on $name',
  (target) => {
    let sandbox: RunningSandbox;
    let handle: DatabaseHandle;

    beforeAll(async () => {
      sandbox = await startSandbox({
        port: 0,
        rateLimit: 1_000,
        workflowActions: { variables: { PUBLIC_BASE_URL: 'https://harbor.example.com' } },
      });
      handle = await target.open();
    });
    afterAll(async () => {
      await handle.close();
      await sandbox.close();
    });

    /** One Harbor instance (or CLI run): its own gateway and lease owner over the shared database. */
    function instance(owner: string) {
      const { logger } = createMemoryLogger();
      const gateway = createHubSpotGateway({
        basePath: sandbox.baseUrl,
        logger,
        tokenSourceFor: () => createStaticTokenSource(sandbox.accessToken),
        timeoutMs: 10_000,
      });
      return workflowsFrom(gateway, undefined, String(sandbox.appId), { db: handle.db, owner, logger })
        .service;
    }

    it('when two admins run install at the same moment, then each workflow exists once and the second is told to wait', async () => {
      const [first, second] = await Promise.allSettled([
        instance('cli:a').install(sandbox.portalId),
        instance('cli:b').install(sandbox.portalId),
      ]);
      const outcomes = [first, second];
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      const refused = outcomes.find((outcome) => outcome.status === 'rejected');
      expect(refused?.reason).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/running/) });

      const flows = sandbox.sandbox.world.portal(sandbox.portalId)?.flows.all() ?? [];
      expect(flows).toHaveLength(new Set(flows.map((flow) => flow.name)).size);
      expect(flows).toHaveLength(5);

      // Once the first is done the lease is free: a later install finds everything in place.
      const again = await instance('cli:b').install(sandbox.portalId);
      expect(again.map((outcome) => outcome.outcome)).toEqual([
        'exists',
        'exists',
        'exists',
        'exists',
        'exists',
      ]);
    });
  },
);
