import type { z } from 'zod';

import type { AppDeps } from '../http/app-deps.ts';
import { defineRoute, type RouteSpec } from '../http/route-table/route-spec.ts';
import { noParams, noQuery } from '../http/route-table/wire-schemas.ts';
import { AppError } from '../shared/errors/app-error.ts';
import { isPortalInstalled } from '../store/repositories/portals-repository.ts';
import { playbookOptions } from './playbook-options.ts';
import { createWorkflowActions } from './workflow-action-service.ts';
import {
  actionRequestWire,
  actionResponseWire,
  noInputsWire,
  optionsRequestWire,
  optionsResponseWire,
  recordRiskInputsWire,
  startPlaybookInputsWire,
  waitForPlaybookInputsWire,
} from './workflow-action-wire.ts';

/** The portal of the route table's examples (test/security/security-fixture.ts seeds it). */
const examplePortalId = 9_000_001;

/** An example request; each action's has its own callbackId, as HubSpot's executions do. */
function exampleCall(execution: number, inputFields: Record<string, unknown>) {
  return {
    callbackId: `ap-${examplePortalId}-1001-${execution}-0`,
    origin: { portalId: examplePortalId, actionDefinitionId: 1, actionDefinitionVersion: 1 },
    context: { source: 'WORKFLOWS', workflowId: 1 },
    object: { objectId: 1001, objectType: 'COMPANY' },
    inputFields,
  };
}

/** The portal a workflow-action request speaks for: the one in its signed body, if Harbor is installed there. */
async function signedPortal(deps: AppDeps, portalId: number): Promise<number> {
  if (!(await isPortalInstalled(deps.db, portalId)))
    throw new AppError('PORTAL_NOT_INSTALLED', `Harbor is not installed in HubSpot account ${portalId}`);
  return portalId;
}

/**
 * The actionUrls and optionsUrl of Harbor's custom workflow actions (app/workflow-actions/). HubSpot signs
 * them with v2 (documented) or v3, and names the portal only in the body, which the signature covers
 * (`signed-body`). Each action is idempotent per callbackId, so HubSpot's retries are safe; refusals a
 * workflow builder can act on are FAIL_CONTINUE answers, not HTTP errors.
 */
export function workflowActionRoutes(deps: AppDeps): RouteSpec[] {
  const actions = createWorkflowActions(deps);
  const auth = { kind: 'hubspot', versions: ['v3', 'v2'] } as const;
  const common = {
    auth,
    identity: { kind: 'signed-body' },
    effect: 'idempotent',
    params: noParams,
    query: noQuery,
    response: actionResponseWire,
  } as const;

  const callOf = async <Inputs>(body: {
    callbackId: string;
    origin: { portalId: number };
    object: { objectId: string };
    inputFields: Inputs;
  }) => ({
    portalId: await signedPortal(deps, body.origin.portalId),
    callbackId: body.callbackId,
    companyId: body.object.objectId,
    inputs: body.inputFields,
  });
  const json = (outputFields: z.infer<typeof actionResponseWire>['outputFields']) =>
    ({ kind: 'json', body: { outputFields } }) as const;

  return [
    defineRoute({
      ...common,
      method: 'POST',
      path: '/workflow-actions/health',
      summary:
        'Workflow action "Get Harbor health": score, tier, top driver, churn probability, days to renewal',
      body: actionRequestWire(noInputsWire),
      example: { body: exampleCall(1, {}) },
      handler: async ({ body }) => json(await actions.health(await callOf(body))),
    }),
    defineRoute({
      ...common,
      method: 'POST',
      path: '/workflow-actions/playbooks/start',
      summary:
        'Workflow action "Start a Harbor playbook": starts it once per callbackId, says how many tasks it made',
      body: actionRequestWire(startPlaybookInputsWire),
      example: { body: exampleCall(2, { playbook: 'onboarding' }) },
      handler: async ({ body }) => json(await actions.startPlaybook(await callOf(body))),
    }),
    defineRoute({
      ...common,
      method: 'POST',
      path: '/workflow-actions/playbooks/wait',
      summary:
        'Workflow action "Wait for the playbook to finish": BLOCK until the run ends, completed by callback',
      body: actionRequestWire(waitForPlaybookInputsWire),
      example: { body: exampleCall(3, { playbook: 'onboarding' }) },
      handler: async ({ body }) => json(await actions.waitForPlaybook(await callOf(body))),
    }),
    defineRoute({
      ...common,
      method: 'POST',
      path: '/workflow-actions/signals/record',
      summary: 'Workflow action "Record a risk signal": opens or refreshes it, with due date and escalation',
      body: actionRequestWire(recordRiskInputsWire),
      example: {
        body: exampleCall(4, { type: 'late_payment', severity: 'high', note: 'Invoice 42 is unpaid' }),
      },
      handler: async ({ body }) => json(await actions.recordRisk(await callOf(body))),
    }),
    defineRoute({
      ...common,
      effect: 'read',
      method: 'POST',
      path: '/workflow-actions/playbooks/options',
      summary: "The playbook input's options: the playbooks the portal has turned on",
      body: optionsRequestWire,
      response: optionsResponseWire,
      example: {
        body: {
          origin: { portalId: examplePortalId, actionDefinitionId: 1, actionDefinitionVersion: 1 },
          inputFieldName: 'playbook',
          objectTypeId: '0-2',
          inputFields: {},
          fetchOptions: { q: '' },
        },
      },
      async handler({ body }) {
        const portalId = await signedPortal(deps, body.origin.portalId);
        const options = await playbookOptions(deps, portalId, body.fetchOptions?.q ?? '');
        return { kind: 'json', body: { options, searchable: true } };
      },
    }),
  ];
}
