import { Router } from 'express';

import type { SandboxPipeline, SandboxPipelineStage } from '../../store/sandbox-types.ts';
import { requestContext } from '../request-context.ts';
import { notFoundError } from './crm-errors.ts';
import { resolveObjectType } from './object-types.ts';

function pipelineType(raw: string): 'deals' | 'tickets' {
  const type = resolveObjectType(raw);
  if (type === 'deals' || type === 'tickets') return type;
  throw notFoundError(`Pipelines are not supported for object type ${raw}`, { objectType: [raw] });
}

/** A stage as the pipelines guide shows it; writePermissions is the value its examples carry. */
function serializeStage(stage: SandboxPipelineStage): Record<string, unknown> {
  return {
    id: stage.id,
    label: stage.label,
    displayOrder: stage.displayOrder,
    metadata: { ...stage.metadata },
    createdAt: new Date(stage.createdAt).toISOString(),
    updatedAt: new Date(stage.updatedAt).toISOString(),
    archived: stage.archived,
    writePermissions: 'CRM_PERMISSIONS_ENFORCEMENT',
  };
}

function serializePipeline(pipeline: SandboxPipeline): Record<string, unknown> {
  return {
    id: pipeline.id,
    label: pipeline.label,
    displayOrder: pipeline.displayOrder,
    stages: [...pipeline.stages].sort((a, b) => a.displayOrder - b.displayOrder).map(serializeStage),
    createdAt: new Date(pipeline.createdAt).toISOString(),
    updatedAt: new Date(pipeline.updatedAt).toISOString(),
    archived: pipeline.archived,
  };
}

/** Pipelines v3 for deals and tickets (no OpenAPI file here; shapes follow the pipelines guide). */
export function createPipelineRoutes(): Router {
  const router = Router();

  router.get('/crm/v3/pipelines/:objectType', (req, res) => {
    const type = pipelineType(req.params.objectType);
    const pipelines = requestContext(res).store.pipelines[type].filter((pipeline) => !pipeline.archived);
    res.json({
      results: [...pipelines].sort((a, b) => a.displayOrder - b.displayOrder).map(serializePipeline),
    });
  });

  router.get('/crm/v3/pipelines/:objectType/:pipelineId', (req, res) => {
    const type = pipelineType(req.params.objectType);
    const pipeline = requestContext(res).store.pipelines[type].find(
      (candidate) => candidate.id === req.params.pipelineId,
    );
    if (pipeline === undefined) {
      throw notFoundError(`No ${type} pipeline with id ${req.params.pipelineId} exists.`, {
        id: [req.params.pipelineId],
      });
    }
    res.json(serializePipeline(pipeline));
  });

  return router;
}
