import type { Kysely } from 'kysely';

import type { Database } from '../../../store/database-schema.ts';
import { replaceCompanyAssociations } from '../../../store/repositories/company-associations-repository.ts';
import { upsertCrmObjects } from '../../../store/repositories/crm-objects-repository.ts';
import { saveHealthScores } from '../../../store/repositories/health-scores-repository.ts';
import { replacePipelineStages } from '../../../store/repositories/pipeline-stages-repository.ts';
import type { StageFacts } from '../company-revenue.pure.ts';
import type { RetentionCompanyRow, RetentionDealRow } from '../retention-loader.ts';

export interface RetentionBook {
  companies: readonly RetentionCompanyRow[];
  deals: readonly RetentionDealRow[];
  stages: readonly StageFacts[];
}

function present(properties: Record<string, string | null>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(properties).filter((entry): entry is [string, string] => entry[1] !== null),
  );
}

/**
 * Writes a book in the loader's row shape into the store as a sync would: companies and deals with HubSpot's
 * property names, deal–company links, the deal pipelines, and a Harbor score (with its segment) for each
 * company that has one. Tests and the benchmark read it back through the real loader.
 */
export async function seedRetentionStore(
  db: Kysely<Database>,
  portalId: number,
  book: RetentionBook,
  now: Date,
): Promise<void> {
  await upsertCrmObjects(
    db,
    portalId,
    'companies',
    book.companies.map((company) => ({
      id: company.id,
      properties: present({
        name: `Company ${company.id}`,
        hubspot_owner_id: company.owner_id,
        contract_value: company.contract_value,
        hs_lifecyclestage_customer_date: company.customer_since,
        createdate: company.created_at,
      }),
      archived: false,
      modifiedAt: now,
    })),
    now,
  );
  const deals = new Map<string, RetentionDealRow>();
  for (const deal of book.deals) deals.set(deal.id, deal);
  await upsertCrmObjects(
    db,
    portalId,
    'deals',
    [...deals.values()].map((deal) => ({
      id: deal.id,
      properties: present({
        amount: deal.amount,
        hs_arr: deal.hs_arr,
        closedate: deal.close_date,
        dealtype: deal.dealtype,
        pipeline: deal.pipeline,
        dealstage: deal.stage,
        hs_is_closed: deal.hs_is_closed,
        hs_is_closed_won: deal.hs_is_closed_won,
      }),
      archived: false,
      modifiedAt: now,
    })),
    now,
  );
  await replaceCompanyAssociations(
    db,
    portalId,
    'deals',
    [...deals.keys()],
    book.deals.map((deal) => ({ objectId: deal.id, companyId: deal.company_id })),
    now,
  );
  await replacePipelineStages(
    db,
    portalId,
    'deals',
    book.stages.map((stage, index) => ({
      objectType: 'deals',
      pipelineId: stage.pipelineId,
      stageId: stage.stageId,
      pipelineLabel: stage.pipelineLabel,
      stageLabel: stage.stageId,
      displayOrder: index,
      isClosed: stage.isClosed,
      isWon: stage.isWon,
    })),
    now,
  );
  await saveHealthScores(
    db,
    portalId,
    book.companies.flatMap((company) =>
      company.segment === null
        ? []
        : [
            {
              companyId: company.id,
              modelVersion: 1,
              segment: company.segment,
              score: 70,
              tier: 'healthy' as const,
              tierSince: now,
              pendingTier: null,
              confidence: 90,
              churnProbability: 0.1,
              components: [],
              topDriver: null,
              changes: [],
              trend: { d7: null, d30: null, d90: null },
              computedAt: now,
            },
          ],
    ),
  );
}
