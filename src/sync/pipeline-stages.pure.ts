import type { Pipeline } from '../hubspot/pipelines.ts';
import type { PipelineStageRecord } from '../store/repositories/pipeline-stages-repository.ts';

export interface StageOutcome {
  isClosed: boolean;
  isWon: boolean;
}

function probabilityOf(metadata: Readonly<Record<string, string>>): number | undefined {
  const raw = metadata.probability;
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * What a stage means for a deal or ticket. Deal stages carry `isClosed` and `probability` in their metadata
 * (HubSpot: '1.0' is closed won, '0.0' closed lost); a closed stage without a probability counts as lost,
 * since only won stages are certain to say 1.0. Ticket stages carry `ticketState` OPEN or CLOSED, and a
 * ticket is never "won".
 */
export function stageOutcome(
  objectType: 'deals' | 'tickets',
  metadata: Readonly<Record<string, string>>,
): StageOutcome {
  if (objectType === 'tickets') {
    return { isClosed: metadata.ticketState?.toUpperCase() === 'CLOSED', isWon: false };
  }
  const probability = probabilityOf(metadata);
  const isWon = probability === 1;
  const isClosed = metadata.isClosed?.toLowerCase() === 'true' || isWon || probability === 0;
  return { isClosed, isWon };
}

/**
 * Every stage of every pipeline, archived ones included: old records may still sit in a stage that was
 * archived since, and their won/lost meaning must stay known.
 */
export function toPipelineStageRecords(
  objectType: 'deals' | 'tickets',
  pipelines: readonly Pipeline[],
): PipelineStageRecord[] {
  return pipelines.flatMap((pipeline) =>
    pipeline.stages.map((stage) => ({
      objectType,
      pipelineId: pipeline.id,
      stageId: stage.id,
      pipelineLabel: pipeline.label,
      stageLabel: stage.label,
      displayOrder: stage.displayOrder,
      ...stageOutcome(objectType, stage.metadata),
    })),
  );
}
