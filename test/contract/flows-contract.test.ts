import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { HubSpotNotFoundError } from '../../src/hubspot/hubspot-errors.ts';
import { createHubSpotGateway } from '../../src/hubspot/hubspot-gateway.ts';
import type { PortalGateway } from '../../src/hubspot/portal-gateway.ts';
import { createStaticTokenSource } from '../../src/hubspot/token-source.ts';
import { loadWorkflowCatalog } from '../../src/workflows/workflow-catalog.ts';
import { createWorkflowService } from '../../src/workflows/workflow-service.ts';
import { createCapturingLogger } from '../support/capturing-logger.ts';
import {
  specsAvailable,
  specsMissingReason,
  startContractSandbox,
  type ContractSandbox,
} from './contract-sandbox.ts';

if (!specsAvailable) process.stdout.write(`${specsMissingReason}\n`);

describe.skipIf(!specsAvailable)(
  'HubSpot contract: Harbor workflows against the sandbox, judged by automation-flows-v4.json',
  () => {
    let contract: ContractSandbox;
    let gateway: PortalGateway;

    beforeAll(async () => {
      contract = await startContractSandbox({
        seed: 5,
        rateLimit: 1000,
        workflowActions: { variables: { PUBLIC_BASE_URL: 'https://harbor.example.com' } },
      });
      gateway = createHubSpotGateway({
        basePath: contract.baseUrl,
        logger: createCapturingLogger().logger,
        tokenSourceFor: () => createStaticTokenSource(contract.accessToken),
        rateLimits: { callsPer10Seconds: 1000 },
      }).forPortal(contract.portalId);
    });

    afterAll(async () => {
      await contract.close();
    });

    it('when Harbor installs, lists and reads its workflows, then every flows request and response keeps to the contract', async () => {
      const catalog = loadWorkflowCatalog();
      // The action types come from the app's definitions, as the sandbox lists them from the hsmeta files.
      const service = createWorkflowService({
        catalog,
        flowsFor: () => gateway,
        appId: contract.sandbox.world.app.appId,
      });
      const judgedBefore = contract.judged();
      const outcomes = await service.install(contract.portalId);
      expect(outcomes.every((outcome) => outcome.outcome === 'created')).toBe(true);
      const statuses = await service.status(contract.portalId);
      expect(statuses.every((status) => status.state === 'installed')).toBe(true);

      const flow = await gateway.getFlow(statuses[0]!.flowId!);
      // A PUT carries the editable fields and the revision last read; HubSpot's own fields stay out.
      const editable = [
        'name',
        'description',
        'startActionId',
        'enrollmentCriteria',
        'actions',
        'timeWindows',
        'blockedDates',
        'customProperties',
        'type',
      ];
      const rest = Object.fromEntries(Object.entries(flow).filter(([key]) => editable.includes(key)));
      const updated = await gateway.updateFlow(flow.id, {
        ...rest,
        revisionId: flow.revisionId,
        isEnabled: true,
      });
      expect(updated.isEnabled).toBe(true);

      expect(contract.judged() - judgedBefore).toBeGreaterThanOrEqual(statuses.length * 2 + 2);
      expect(contract.violations).toEqual([]);
    });

    it('when Harbor reads a flow that does not exist, then the sandbox answers HubSpot’s 404 error body', async () => {
      await expect(gateway.getFlow('404')).rejects.toBeInstanceOf(HubSpotNotFoundError);
      expect(contract.violations).toEqual([]);
    });
  },
);
