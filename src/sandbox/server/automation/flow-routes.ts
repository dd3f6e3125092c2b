import express, { Router, type Request, type Response } from 'express';
import { z } from 'zod';

import type { SandboxFlow } from '../../store/flow-table.ts';
import { sendHubSpotError } from '../hubspot-error.ts';
import { requestContext } from '../request-context.ts';

/** What the sandbox checks of a body; the contract suite judges the rest against HubSpot's document. */
const platformFlowBody = z.looseObject({
  type: z.literal('PLATFORM_FLOW', { error: 'only platform flows (type PLATFORM_FLOW) are supported here' }),
  isEnabled: z.boolean(),
  actions: z.array(z.looseObject({ actionId: z.string() })),
  blockedDates: z.array(z.unknown()),
  timeWindows: z.array(z.unknown()),
  customProperties: z.record(z.string(), z.string()),
});
const createBody = platformFlowBody.extend({
  flowType: z.enum(['WORKFLOW', 'ACTION_SET', 'UNKNOWN']),
  objectTypeId: z.string().regex(/^\d+-\d+$/),
  dataSources: z.array(z.unknown()),
});
const putBody = platformFlowBody.extend({ revisionId: z.string() });

const listQuery = z.object({
  after: z.string().regex(/^\d+$/).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(100),
});

function listing(flow: SandboxFlow): Record<string, unknown> {
  const { id, name, isEnabled, objectTypeId, revisionId, createdAt, updatedAt, flowType } = flow;
  return {
    id,
    ...(name === undefined ? {} : { name }),
    isEnabled,
    objectTypeId,
    revisionId,
    createdAt,
    updatedAt,
    flowType,
  };
}

function invalid(res: Response, error: z.ZodError): void {
  sendHubSpotError(
    res,
    400,
    'VALIDATION_ERROR',
    `Invalid input: ${error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
  );
}

function found(req: Request<{ flowId: string }>, res: Response): SandboxFlow | undefined {
  const flow = requestContext(res).store.flows.get(req.params.flowId);
  if (flow === undefined)
    sendHubSpotError(res, 404, 'OBJECT_NOT_FOUND', `Flow ${req.params.flowId} not found`);
  return flow;
}

/**
 * Automation v4 flows as HubSpot serves them to an app with the `automation` scope: list (paged by id),
 * create, read, replace (with the revision last read, else 409) and delete. Mounted behind the auth middleware.
 */
export function createFlowRoutes(): Router {
  const router = Router();
  router.use('/automation/v4/flows', express.json({ limit: '5mb' }));

  router.get('/automation/v4/flows', (req, res) => {
    const query = listQuery.safeParse(req.query);
    if (!query.success) {
      invalid(res, query.error);
      return;
    }
    const { after, limit } = query.data;
    const flows = requestContext(res)
      .store.flows.all()
      .filter((flow) => after === undefined || Number(flow.id) > Number(after));
    const page = flows.slice(0, limit);
    const last = page.at(-1);
    res.json({
      results: page.map(listing),
      ...(flows.length > limit && last !== undefined ? { paging: { next: { after: last.id } } } : {}),
    });
  });

  router.post('/automation/v4/flows', (req, res) => {
    const body = createBody.safeParse(req.body);
    if (!body.success) {
      invalid(res, body.error);
      return;
    }
    const context = requestContext(res);
    res.status(201).json(context.store.flows.create(body.data, context.now()));
  });

  router.get('/automation/v4/flows/:flowId', (req, res) => {
    const flow = found(req, res);
    if (flow !== undefined) res.json(flow);
  });

  router.put('/automation/v4/flows/:flowId', (req, res) => {
    const body = putBody.safeParse(req.body);
    if (!body.success) {
      invalid(res, body.error);
      return;
    }
    const flow = found(req, res);
    if (flow === undefined) return;
    if (flow.revisionId !== body.data.revisionId) {
      sendHubSpotError(
        res,
        409,
        'CONFLICT',
        `Flow ${flow.id} is at revision ${flow.revisionId}, not ${body.data.revisionId}`,
      );
      return;
    }
    const context = requestContext(res);
    res.json(context.store.flows.replace(flow.id, body.data, context.now()));
  });

  router.delete('/automation/v4/flows/:flowId', (req, res) => {
    if (found(req, res) === undefined) return;
    requestContext(res).store.flows.delete(req.params.flowId);
    res.status(204).end();
  });

  return router;
}
