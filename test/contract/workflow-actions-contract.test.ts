import { existsSync, readdirSync } from 'node:fs';

import { Client } from '@hubspot/api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { BatchInputCallbackCompletionBatchRequest } from '@hubspot/api-client/lib/codegen/automation/actions/index.js';

import { createHubSpotGateway } from '../../src/hubspot/hubspot-gateway.ts';
import { sdkModel } from '../../src/hubspot/sdk-model.ts';
import { createStaticTokenSource } from '../../src/hubspot/token-source.ts';

import {
  loadSpec,
  schemaProblems,
  type OpenApiDocument,
} from '../../src/sandbox/server/crm/openapi-check.ts';
import type { ActionDefinition } from '../../src/sandbox/workflows/action-definitions.ts';
import { defaultActionDirectory } from '../../src/sandbox/workflows/action-definitions.ts';
import type { ActionRequestBody, InputValue } from '../../src/sandbox/workflows/action-request.pure.ts';
import type { WorkflowRun } from '../../src/sandbox/workflows/workflow-run.ts';
import {
  startActionReceiver,
  writeActionFolder,
  type ReceivedActionRequest,
} from '../../src/sandbox/workflows/workflow-testing.ts';
import { createCapturingLogger } from '../support/capturing-logger.ts';
import {
  specsAvailable,
  specsMissingReason,
  startContractSandbox,
  type ContractSandbox,
} from './contract-sandbox.ts';

if (!specsAvailable) process.stdout.write(`${specsMissingReason}\n`);

/** The project's own actions once they exist; until then the fixture action stands in. */
const hasProjectActions =
  existsSync(defaultActionDirectory) &&
  readdirSync(defaultActionDirectory).some((name) => name.endsWith('-hsmeta.json'));

/** A value HubSpot's editor would accept for the field: its first static option, else one of its type. */
function sampleValue(definition: ActionDefinition['config']['inputFields'][number]): InputValue {
  const { type, options } = definition.typeDefinition;
  if (options?.[0] !== undefined) return options[0].value;
  if (type === 'number') return 3;
  if (type === 'bool') return 'true';
  return 'sample';
}

function withPlainConditionValues(document: OpenApiDocument): OpenApiDocument {
  const copy = structuredClone(document);
  const rule = copy.components.schemas.PublicExecutionTranslationRule as {
    properties: { conditions: { additionalProperties?: unknown } };
  };
  rule.properties.conditions.additionalProperties = {};
  return copy;
}

/** The type names HubSpot's document allows for an action's input fields. */
function fieldTypes(spec: OpenApiDocument): string[] {
  const schema = spec.components.schemas.PublicFieldTypeDefinition as {
    properties: { type: { enum: string[] } };
  };
  return schema.properties.type.enum;
}

describe.skipIf(!specsAvailable)(
  'HubSpot contract: the workflow-action requests the sandbox sends, judged by automation-actions-v4.json',
  () => {
    let contract: ContractSandbox;
    let receiver: Awaited<ReturnType<typeof startActionReceiver>>;
    let folder: Awaited<ReturnType<typeof writeActionFolder>> | undefined;
    const spec = loadSpec('automation-actions-v4.json');
    /**
     * The document types an execution rule's condition values as objects; HubSpot's own examples, the hsmeta
     * files and @hubspot/api-client 14 (`{ [key: string]: any }`) use plain values, so definitions are judged
     * by a copy that lets those values be anything.
     */
    const definitionSpec = spec === undefined ? undefined : withPlainConditionValues(spec);
    let executionState = 'SUCCESS';

    beforeAll(async () => {
      receiver = await startActionReceiver(() => ({
        status: 200,
        body: { outputFields: { hs_execution_state: executionState } },
      }));
      folder = hasProjectActions ? undefined : await writeActionFolder();
      contract = await startContractSandbox({
        companies: 10,
        seed: 5,
        workflowActions: {
          ...(folder === undefined ? {} : { directory: folder.directory }),
          variables: { PUBLIC_BASE_URL: receiver.baseUrl },
          delay: () => Promise.resolve(),
        },
      });
    });

    afterAll(async () => {
      await contract.close();
      await receiver.close();
      await folder?.remove();
    });

    it('when every action runs on a company, then the request the app receives keeps to HubSpot’s shapes', async () => {
      if (spec === undefined) throw new Error('automation-actions-v4.json not readable');
      const { definitions, problems } = await contract.sandbox.workflowRunner.definitions();
      expect(problems).toEqual([]);
      expect(definitions.length).toBeGreaterThan(0);
      const companyId = [...contract.sandbox.world.defaultPortal.tables.companies.all()][0]?.id ?? '';
      const allowedTypes = fieldTypes(spec);

      for (const definition of definitions) {
        const inputFields = Object.fromEntries(
          definition.config.inputFields
            .filter((field) => field.isRequired)
            .map((field) => [field.typeDefinition.name, sampleValue(field)]),
        );
        const response = await fetch(`${contract.baseUrl}/_sandbox/workflow-actions/run`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ actionUid: definition.uid, companyId, inputFields }),
        });
        expect(response.status, await response.clone().text()).toBe(201);
        const received: ReceivedActionRequest = receiver.received.at(-1)!;
        const body = JSON.parse(received.body) as ActionRequestBody;

        expect(schemaProblems(spec, 'WorkflowsRequestContext', body.context), definition.uid).toEqual([]);
        expect(
          Number.isSafeInteger(body.origin.portalId) && Number.isSafeInteger(body.origin.actionDefinitionId),
        ).toBe(true);
        expect(body.origin.portalId).toBe(contract.portalId);
        expect(body.object).toMatchObject({ objectId: Number(companyId), objectType: 'COMPANY' });
        expect(Object.keys(body.inputFields).sort()).toEqual(Object.keys(inputFields).sort());
        for (const field of definition.config.inputFields) {
          expect(allowedTypes, `${definition.uid}.${field.typeDefinition.name}`).toContain(
            field.typeDefinition.type,
          );
        }
      }
      expect(contract.violations).toEqual([]);
    });

    it('when Harbor lists the app’s action definitions, then each is the hsmeta action with HubSpot’s shape and a stable id', async () => {
      if (definitionSpec === undefined) throw new Error('automation-actions-v4.json not readable');
      const { appId } = contract.sandbox.world.app;
      const { definitions } = await contract.sandbox.workflowRunner.definitions();
      const headers = { authorization: `Bearer ${contract.accessToken}` };
      const page: unknown = await (
        await fetch(`${contract.baseUrl}/automation/v4/actions/${String(appId)}`, { headers })
      ).json();
      expect(
        schemaProblems(definitionSpec, 'CollectionResponsePublicActionDefinitionForwardPaging', page),
      ).toEqual([]);

      const gateway = createHubSpotGateway({
        basePath: contract.baseUrl,
        logger: createCapturingLogger().logger,
        tokenSourceFor: () => createStaticTokenSource(contract.accessToken),
        rateLimits: { callsPer10Seconds: 1000 },
      }).forPortal(contract.portalId);
      const listed = await gateway.listActionDefinitions(appId);
      expect(listed.map((definition) => [definition.id, definition.actionUrl])).toEqual(
        definitions.map((definition) => [String(definition.definitionId), definition.config.actionUrl]),
      );
      const again = await gateway.listActionDefinitions(appId);
      expect(again.map((definition) => definition.id)).toEqual(listed.map((definition) => definition.id));

      const one = await fetch(
        `${contract.baseUrl}/automation/v4/actions/${String(appId)}/${listed[0]?.id ?? ''}`,
        {
          headers,
        },
      );
      expect(schemaProblems(definitionSpec, 'PublicActionDefinition', await one.json())).toEqual([]);
      const otherApp = await fetch(`${contract.baseUrl}/automation/v4/actions/${String(appId + 1)}`, {
        headers,
      });
      expect(otherApp.status).toBe(404);
      expect(contract.violations).toEqual([]);
    });

    it('when Harbor completes BLOCKed actions through the callbacks API, single and batch, then the contract holds', async () => {
      executionState = 'BLOCK';
      const [definition] = (await contract.sandbox.workflowRunner.definitions()).definitions;
      if (definition === undefined) throw new Error('no workflow action');
      const companyId = [...contract.sandbox.world.defaultPortal.tables.companies.all()][0]?.id ?? '';
      const enrol = async (): Promise<WorkflowRun> => {
        const inputFields = Object.fromEntries(
          definition.config.inputFields
            .filter((field) => field.isRequired)
            .map((field) => [field.typeDefinition.name, sampleValue(field)]),
        );
        const response = await fetch(`${contract.baseUrl}/_sandbox/workflow-actions/run`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ actionUid: definition.uid, companyId, inputFields }),
        });
        return (await response.json()) as WorkflowRun;
      };
      const [first, second] = [await enrol(), await enrol()];
      expect([first.state, second.state]).toEqual(['blocked', 'blocked']);

      const gateway = createHubSpotGateway({
        basePath: contract.baseUrl,
        logger: createCapturingLogger().logger,
        tokenSourceFor: () => createStaticTokenSource(contract.accessToken),
        rateLimits: { callsPer10Seconds: 1000 },
      }).forPortal(contract.portalId);
      await gateway.completeActionCallback(first.callbackId, { hs_execution_state: 'SUCCESS', score: '62' });
      // Harbor completes one at a time; the batch form is judged as the SDK sends it.
      const client = new Client({ accessToken: contract.accessToken, basePath: contract.baseUrl });
      await client.automation.actions.callbacksApi.completeBatch(
        sdkModel<BatchInputCallbackCompletionBatchRequest>({
          inputs: [{ callbackId: second.callbackId, outputFields: { hs_execution_state: 'FAIL_CONTINUE' } }],
        }),
      );

      const states = [first, second].map((run) => contract.sandbox.workflowRunner.get(run.callbackId)?.state);
      expect(states).toEqual(['succeeded', 'failed']);
      expect(contract.violations).toEqual([]);
      expect(contract.judged()).toBeGreaterThanOrEqual(2);
    });
  },
);
