import type { CallbackCompletionRequest } from '@hubspot/api-client/lib/codegen/automation/actions/index.js';

import type { PortalApi } from './portal-api.ts';
import { sdkModel } from './sdk-model.ts';

/**
 * POST /automation/v4/actions/callbacks/{callbackId}/complete: finishes a workflow action that answered
 * BLOCK, so the workflow moves on (scope `automation`). SDK 14 sends `outputFields` only, though the
 * published spec also lists `typedOutputs` as required; HubSpot (and the sandbox) accept the SDK's body.
 */
export async function completeActionCallback(
  api: PortalApi,
  callbackId: string,
  outputFields: Readonly<Record<string, string>>,
): Promise<void> {
  await api.call('standard', (client) =>
    client.automation.actions.callbacksApi.complete(
      callbackId,
      sdkModel<CallbackCompletionRequest>({ outputFields: { ...outputFields } }),
    ),
  );
}
