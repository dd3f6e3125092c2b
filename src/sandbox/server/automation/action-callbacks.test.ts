import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startFastSandbox } from '../../../sync/testing/sync-test-kit.ts';
import type { RunningSandbox } from '../../start-sandbox.ts';
import { loadSpec, schemaProblems } from '../crm/openapi-check.ts';

const spec = loadSpec('automation-actions-v4.json');

describe('the sandbox callbacks API for blocked workflow actions', () => {
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    sandbox = await startFastSandbox({ companies: 0 });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  const post = (path: string, body: unknown, token: string | null = sandbox.accessToken) =>
    fetch(`${sandbox.baseUrl}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify(body),
    });

  it.skipIf(spec === undefined)(
    'when an app completes callbacks one by one and in a batch, with bodies of the published shape, then each answers 204 and is recorded',
    async () => {
      const single = {
        outputFields: { hs_execution_state: 'SUCCESS', tasksCompleted: '3' },
        typedOutputs: {},
      };
      const batch = {
        inputs: [
          {
            callbackId: 'ap-1-2-3-0',
            outputFields: { hs_execution_state: 'FAIL_CONTINUE' },
            typedOutputs: {},
          },
        ],
      };
      expect(schemaProblems(spec!, 'CallbackCompletionRequest', single)).toEqual([]);
      expect(schemaProblems(spec!, 'BatchInputCallbackCompletionBatchRequest', batch)).toEqual([]);

      expect((await post('/automation/v4/actions/callbacks/ap-1-2-2-0/complete', single)).status).toBe(204);
      // What @hubspot/api-client 14 sends: outputFields only.
      const sdkBody = { outputFields: { hs_execution_state: 'SUCCESS' } };
      expect((await post('/automation/v4/actions/callbacks/ap-1-2-4-0/complete', sdkBody)).status).toBe(204);
      expect((await post('/automation/v4/actions/callbacks/complete', batch)).status).toBe(204);

      expect(
        sandbox.sandbox.actionCallbacks
          .completions()
          .map((entry) => [entry.callbackId, entry.via, entry.outputFields]),
      ).toEqual([
        ['ap-1-2-2-0', 'single', single.outputFields],
        ['ap-1-2-4-0', 'single', sdkBody.outputFields],
        ['ap-1-2-3-0', 'batch', batch.inputs[0]!.outputFields],
      ]);
    },
  );

  it.skipIf(spec === undefined)(
    'when a completion has no token, or asks for a state other than SUCCESS or FAIL_CONTINUE, then HubSpot’s error shape comes back and nothing is recorded',
    async () => {
      const before = sandbox.sandbox.actionCallbacks.completions().length;
      const unauthenticated = await post(
        '/automation/v4/actions/callbacks/ap-1-9-9-0/complete',
        { outputFields: { hs_execution_state: 'SUCCESS' } },
        null,
      );
      const blocked = await post('/automation/v4/actions/callbacks/ap-1-9-9-0/complete', {
        outputFields: { hs_execution_state: 'BLOCK' },
      });
      const numbers = await post('/automation/v4/actions/callbacks/complete', {
        inputs: [
          { callbackId: 'ap-1-9-8-0', outputFields: { hs_execution_state: 'SUCCESS', tasksCompleted: 3 } },
        ],
      });

      expect([unauthenticated.status, blocked.status, numbers.status]).toEqual([401, 400, 400]);
      expect(schemaProblems(spec!, 'Error', await blocked.json())).toEqual([]);
      expect(sandbox.sandbox.actionCallbacks.completions()).toHaveLength(before);
    },
  );
});
