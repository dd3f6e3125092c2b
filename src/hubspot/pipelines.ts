import type { PortalApi } from './portal-api.ts';

export interface PipelineStage {
  id: string;
  label: string;
  displayOrder: number;
  archived: boolean;
  /** e.g. `probability` and `isClosed` for deal stages, `ticketState` for ticket stages. */
  metadata: Record<string, string>;
}

export interface Pipeline {
  id: string;
  label: string;
  displayOrder: number;
  archived: boolean;
  stages: PipelineStage[];
}

/** GET /crm/v3/pipelines/{deals|tickets}: every pipeline with its stages. */
export async function listPipelines(api: PortalApi, objectType: 'deals' | 'tickets'): Promise<Pipeline[]> {
  const response = await api.call('standard', (client) =>
    client.crm.pipelines.pipelinesApi.getAll(objectType),
  );
  return response.results.map((pipeline) => ({
    id: pipeline.id,
    label: pipeline.label,
    displayOrder: pipeline.displayOrder,
    archived: pipeline.archived,
    stages: pipeline.stages.map((stage) => ({
      id: stage.id,
      label: stage.label,
      displayOrder: stage.displayOrder,
      archived: stage.archived,
      metadata: { ...stage.metadata },
    })),
  }));
}
