import express, { Router, type Response } from 'express';
import { z } from 'zod';

import { sendHubSpotError } from '../server/hubspot-error.ts';
import { WorkflowRunError, type WorkflowRunner } from './workflow-runner.ts';

const runBody = z.object({
  actionUid: z.string().min(1),
  companyId: z.union([z.string().regex(/^\d+$/), z.number().int().positive()]).transform(String),
  inputFields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  portalId: z.number().int().positive().optional(),
  workflowId: z.number().int().positive().optional(),
});

const runsQuery = z.object({
  state: z.enum(['running', 'blocked', 'succeeded', 'failed', 'expired']).optional(),
  actionUid: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(1_000).default(100),
});

/**
 * Sandbox-only endpoints (no auth, like the rest of /_sandbox/): run one of the project's workflow actions on a
 * company as a HubSpot workflow would, and list the runs with their state.
 */
export function createWorkflowRoutes(runner: WorkflowRunner): Router {
  const router = Router();

  router.post('/_sandbox/workflow-actions/run', express.json(), async (req, res) => {
    const parsed = runBody.safeParse(req.body ?? {});
    if (!parsed.success) {
      sendValidationError(res, parsed.error);
      return;
    }
    try {
      res.status(201).json(await runner.run(parsed.data));
    } catch (error) {
      if (!(error instanceof WorkflowRunError)) throw error;
      const category =
        error.status === 404 ? 'OBJECT_NOT_FOUND' : error.status === 409 ? 'CONFLICT' : 'VALIDATION_ERROR';
      sendHubSpotError(res, error.status, category, error.message);
    }
  });

  router.get('/_sandbox/workflow-actions/runs', (req, res) => {
    const parsed = runsQuery.safeParse(req.query);
    if (!parsed.success) {
      sendValidationError(res, parsed.error);
      return;
    }
    res.json({ results: runner.list(parsed.data) });
  });

  router.get('/_sandbox/workflow-actions/runs/:callbackId', (req, res) => {
    const run = runner.get(req.params.callbackId);
    if (run === undefined) {
      sendHubSpotError(res, 404, 'OBJECT_NOT_FOUND', `no run with callbackId ${req.params.callbackId}`);
      return;
    }
    res.json(run);
  });

  router.get('/_sandbox/workflow-actions', async (_req, res) => {
    const { definitions, problems } = await runner.definitions();
    res.json({
      results: definitions.map(({ uid, definitionId, version, config }) => ({
        uid,
        definitionId,
        version,
        actionUrl: config.actionUrl,
        actionName: config.labels.en?.actionName ?? uid,
        inputFields: config.inputFields.map((field) => field.typeDefinition.name),
        outputFields: config.outputFields.map((field) => field.typeDefinition.name),
      })),
      problems,
    });
  });

  return router;
}

function sendValidationError(res: Response, error: z.ZodError): void {
  const issue = error.issues[0];
  const where = issue?.path.join('.') ?? '';
  sendHubSpotError(
    res,
    400,
    'VALIDATION_ERROR',
    `${where === '' ? '' : `${where}: `}${issue?.message ?? 'invalid input'}`,
  );
}
