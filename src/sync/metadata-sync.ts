import { saveOwnerTeams } from '../store/repositories/handoffs-repository.ts';
import { upsertOwners } from '../store/repositories/owners-repository.ts';
import { replacePipelineStages } from '../store/repositories/pipeline-stages-repository.ts';
import { archiveUnseenOwners } from '../store/repositories/sync-objects-repository.ts';
import { toPipelineStageRecords } from './pipeline-stages.pure.ts';
import type { SyncContext } from './sync-context.ts';
import { saveMetadataRefreshed } from './sync-state-store.ts';

/**
 * Owners (an owner missing from the listing is marked archived) and the deal and ticket pipelines with what
 * each stage means (won, lost, closed, open): three calls for most portals.
 */
export async function syncOwnersAndPipelines(context: SyncContext): Promise<void> {
  const { db, portal, portalId, progress } = context;
  await progress.setPhase('owners');
  const startedAt = context.now();
  const owners = await portal.listAllOwners();
  await upsertOwners(
    db,
    portalId,
    owners.map((owner) => ({
      id: owner.id,
      email: owner.email,
      firstName: owner.firstName,
      lastName: owner.lastName,
      userId: owner.userId,
      archived: owner.archived,
    })),
    startedAt,
  );
  // Hand-offs routed to a team go to one of its members.
  await saveOwnerTeams(db, portalId, owners);
  await archiveUnseenOwners(db, portalId, startedAt);

  await progress.setPhase('pipelines');
  for (const objectType of ['deals', 'tickets'] as const) {
    const pipelines = await portal.listPipelines(objectType);
    await replacePipelineStages(
      db,
      portalId,
      objectType,
      toPipelineStageRecords(objectType, pipelines),
      context.now(),
    );
  }
  await saveMetadataRefreshed(db, portalId, startedAt);
}
