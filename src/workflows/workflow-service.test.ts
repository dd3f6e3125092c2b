import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createHubSpotGateway } from '../hubspot/hubspot-gateway.ts';
import { createMemoryLogger } from '../hubspot/testing/test-kit.ts';
import { createStaticTokenSource } from '../hubspot/token-source.ts';
import { startSandbox, type RunningSandbox } from '../sandbox/start-sandbox.ts';
import {
  loadWorkflowCatalog,
  unknownActionUids,
  workflowsFolder,
  type WorkflowCatalog,
} from './workflow-catalog.ts';
import { createWorkflowService, type WorkflowService } from './workflow-service.ts';

const shipped = loadWorkflowCatalog();
/** workflows/action-types.json filled in by hand, for a portal that does not list the app's actions. */
const typedByHand: WorkflowCatalog = {
  ...shipped,
  actionTypes: { harbor_start_playbook: { actionTypeId: '1-4242', actionTypeVersion: 1 } },
};

describe('Harbor workflows in a portal (against the sandbox)', () => {
  let sandbox: RunningSandbox;

  beforeEach(async () => {
    // The profile variable lets the sandbox "upload" the project's hsmeta actions and list their definitions.
    sandbox = await startSandbox({
      port: 0,
      rateLimit: 1_000,
      workflowActions: { variables: { PUBLIC_BASE_URL: 'https://harbor.example.com' } },
    });
  });
  afterEach(async () => {
    await sandbox.close();
  });

  /** `appId` is HUBSPOT_APP_ID: the sandbox's app by default, `null` for none configured. */
  function serviceWith(catalog: WorkflowCatalog, appId: number | null = sandbox.appId): WorkflowService {
    const gateway = createHubSpotGateway({
      basePath: sandbox.baseUrl,
      logger: createMemoryLogger().logger,
      tokenSourceFor: () => createStaticTokenSource(sandbox.accessToken),
      timeoutMs: 10_000,
    });
    return createWorkflowService({
      catalog,
      flowsFor: (portalId) => gateway.forPortal(portalId),
      appId: appId ?? undefined,
    });
  }

  /** An admin's edit in HubSpot's workflow editor: the flow as read, changed, PUT back. */
  async function editInHubSpot(
    flowId: string,
    change: (flow: Record<string, unknown>) => void,
  ): Promise<void> {
    const url = `${sandbox.baseUrl}/automation/v4/flows/${flowId}`;
    const headers = { authorization: `Bearer ${sandbox.accessToken}`, 'content-type': 'application/json' };
    const flow = (await (await fetch(url, { headers })).json()) as Record<string, unknown>;
    change(flow);
    const response = await fetch(url, { method: 'PUT', headers, body: JSON.stringify(flow) });
    expect(response.status).toBe(200);
  }

  const portalFlows = () => sandbox.sandbox.world.portal(sandbox.portalId)?.flows.all() ?? [];

  /** The type id of the sandbox's "uploaded" definition of an hsmeta action. */
  async function uploadedTypeId(uid: string): Promise<string> {
    const { definitions } = await sandbox.sandbox.workflowRunner.definitions();
    return `1-${String(definitions.find((definition) => definition.uid === uid)?.definitionId)}`;
  }

  it('when installed twice, then each workflow is created once, disabled, with the portal’s action types in place', async () => {
    const service = serviceWith(shipped);
    const first = await service.install(sandbox.portalId);
    expect(first.map((outcome) => outcome.outcome)).toEqual(shipped.definitions.map(() => 'created'));
    const second = await service.install(sandbox.portalId);
    expect(second.map((outcome) => outcome.outcome)).toEqual(shipped.definitions.map(() => 'exists'));

    const flows = portalFlows();
    expect(flows.map((flow) => flow.name).sort()).toEqual(shipped.definitions.map((d) => d.body.name).sort());
    expect(flows.every((flow) => !flow.isEnabled)).toBe(true);
    const steps = flows.flatMap((flow) => flow.actions as { actionTypeId: string }[]);
    const playbookType = await uploadedTypeId('harbor_start_playbook');
    expect(
      flows.every((flow) => (flow.actions as { actionTypeId: string }[])[0]?.actionTypeId === playbookType),
    ).toBe(true);
    expect(steps.some((step) => step.actionTypeId.startsWith('harbor:'))).toBe(false);
  });

  it('when the portal does not list the app’s actions, then the type from workflows/action-types.json is used', async () => {
    // Another app's id: HubSpot answers 404, as for a token that may not read the definitions.
    const service = serviceWith(typedByHand, sandbox.appId + 1);
    const outcomes = await service.install(sandbox.portalId);
    expect(outcomes.map((outcome) => outcome.outcome)).toEqual(shipped.definitions.map(() => 'created'));
    const steps = portalFlows().flatMap((flow) => flow.actions as { actionTypeId: string }[]);
    expect(steps.some((step) => step.actionTypeId === '1-4242')).toBe(true);
  });

  it('when listed, then each shipped workflow shows missing, then installed, then enabled once an admin turns it on', async () => {
    const service = serviceWith(shipped);
    expect((await service.status(sandbox.portalId)).map((status) => status.state)).toEqual(
      shipped.definitions.map(() => 'missing'),
    );
    await service.install(sandbox.portalId);
    const installed = await service.status(sandbox.portalId);
    expect(installed.map((status) => [status.state, status.drift])).toEqual(
      shipped.definitions.map(() => ['installed', []]),
    );
    await editInHubSpot(installed[0]!.flowId!, (flow) => {
      flow.isEnabled = true;
    });
    expect((await service.status(sandbox.portalId))[0]?.state).toBe('enabled');
  });

  it('when a field of an installed workflow is changed in HubSpot, then it shows as drifted at that field', async () => {
    const service = serviceWith(shipped);
    await service.install(sandbox.portalId);
    const renewal = (await service.status(sandbox.portalId)).find(
      (status) => status.key === 'renewal-in-90-days',
    );
    await editInHubSpot(renewal!.flowId!, (flow) => {
      const [step] = flow.actions as { fields: Record<string, { staticValue: string }> }[];
      step!.fields.playbook!.staticValue = 'risk';
    });
    const after = await service.status(sandbox.portalId);
    const drifted = after.filter((status) => status.state === 'drifted');
    expect(drifted.map((status) => [status.key, status.drift])).toEqual([
      ['renewal-in-90-days', ['actions[0].fields.playbook.staticValue']],
    ]);
  });

  it('when no app id is configured and the file names no type, then install creates nothing and says which are missing', async () => {
    const service = serviceWith(shipped, null);
    const outcomes = await service.install(sandbox.portalId);
    expect(outcomes.every((outcome) => outcome.outcome === 'unresolved')).toBe(true);
    expect(outcomes[0]).toMatchObject({ missing: ['harbor_start_playbook'] });
    expect(portalFlows()).toEqual([]);
    expect((await service.status(sandbox.portalId))[0]?.unresolvedActions).toEqual(['harbor_start_playbook']);
  });
});

describe('the shipped workflow definitions', () => {
  it('when loaded, then there are the five CS workflows, company-based and disabled', () => {
    expect(shipped.definitions.map((definition) => definition.key)).toEqual([
      'at-risk-tier',
      'detractor-follow-up',
      'expansion-signal',
      'large-customer-onboarding',
      'renewal-in-90-days',
    ]);
    // Read from the files: the loaded type already guarantees it, the files are what ships.
    for (const { key } of shipped.definitions) {
      const file = JSON.parse(readFileSync(join(workflowsFolder, `${key}.json`), 'utf8')) as Record<
        string,
        unknown
      >;
      expect([file.objectTypeId, file.isEnabled]).toEqual(['0-2', false]);
    }
  });

  it('when loaded, then every Harbor action a workflow uses is one the project declares', () => {
    expect(unknownActionUids(shipped)).toEqual([]);
    expect(
      unknownActionUids({
        ...shipped,
        definitions: shipped.definitions.map((d) => ({
          ...d,
          body: { ...d.body, actions: [{ ...d.body.actions[0]!, actionTypeId: 'harbor:renamed' }] },
        })),
      }),
    ).toEqual(['renamed']);
  });

  it('when a definition would ship enabled, then loading fails and names the file', () => {
    const folder = mkdtempSync(join(tmpdir(), 'harbor-workflows-'));
    const body = JSON.parse(readFileSync(join(workflowsFolder, 'at-risk-tier.json'), 'utf8')) as object;
    writeFileSync(join(folder, 'on.json'), JSON.stringify({ ...body, isEnabled: true }));
    expect(() => loadWorkflowCatalog(folder)).toThrow(
      /workflows\/on\.json: isEnabled: shipped workflows are disabled/,
    );
  });
});
