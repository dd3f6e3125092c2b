import type { Kysely } from 'kysely';

import type { Database } from '../database-schema.ts';

export interface PipelineStageRecord {
  objectType: 'deals' | 'tickets';
  pipelineId: string;
  stageId: string;
  pipelineLabel: string;
  stageLabel: string;
  displayOrder: number;
  isClosed: boolean;
  isWon: boolean;
}

/** Replaces a portal's stages of one object type with what HubSpot reports now. */
export async function replacePipelineStages(
  db: Kysely<Database>,
  portalId: number,
  objectType: 'deals' | 'tickets',
  stages: readonly PipelineStageRecord[],
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx
      .deleteFrom('pipeline_stages')
      .where('portal_id', '=', portalId)
      .where('object_type', '=', objectType)
      .execute();
    if (stages.length === 0) return;
    await tx
      .insertInto('pipeline_stages')
      .values(
        stages.map((stage) => ({
          portal_id: portalId,
          object_type: stage.objectType,
          pipeline_id: stage.pipelineId,
          stage_id: stage.stageId,
          pipeline_label: stage.pipelineLabel,
          stage_label: stage.stageLabel,
          display_order: stage.displayOrder,
          is_closed: stage.isClosed,
          is_won: stage.isWon,
          synced_at: now,
        })),
      )
      .execute();
  });
}

export async function listPipelineStages(
  db: Kysely<Database>,
  portalId: number,
  objectType: 'deals' | 'tickets',
): Promise<PipelineStageRecord[]> {
  const rows = await db
    .selectFrom('pipeline_stages')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('object_type', '=', objectType)
    .orderBy('pipeline_id')
    .orderBy('display_order')
    .execute();
  return rows.map((row) => ({
    objectType: row.object_type,
    pipelineId: row.pipeline_id,
    stageId: row.stage_id,
    pipelineLabel: row.pipeline_label,
    stageLabel: row.stage_label,
    displayOrder: row.display_order,
    isClosed: row.is_closed,
    isWon: row.is_won,
  }));
}
