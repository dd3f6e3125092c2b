import { z } from 'zod';

import { request } from './flows.ts';
import { collectAll } from './paging.ts';
import type { PortalApi } from './portal-api.ts';

/*
 * Automation v4 custom-action definitions (automation-actions-v4.json), read side only: Harbor declares its
 * actions in hsmeta files and HubSpot creates the definitions on `hs project upload`; Harbor only needs their
 * ids to name them in a workflow.
 */

const definition = z.looseObject({
  id: z.string(),
  revisionId: z.string(),
  actionUrl: z.string(),
  published: z.boolean(),
  labels: z.record(z.string(), z.looseObject({ actionName: z.string() })),
});
const definitionPage = z.looseObject({
  results: z.array(definition),
  paging: z.looseObject({ next: z.looseObject({ after: z.string() }).optional() }).optional(),
});

export type ActionDefinitionListing = z.infer<typeof definitionPage>['results'][number];

/** GET /automation/v4/actions/{appId}, every page: the app's live (not archived) custom actions. */
export function listActionDefinitions(api: PortalApi, appId: number): Promise<ActionDefinitionListing[]> {
  return collectAll((after) =>
    api.call('standard', async (client) => {
      const page = await request(client, definitionPage, {
        method: 'GET',
        path: `/automation/v4/actions/${String(appId)}`,
        qs: { limit: '100', ...(after === undefined ? {} : { after }) },
      });
      const next = page.paging?.next?.after;
      return { results: page.results, ...(next === undefined ? {} : { paging: { next: { after: next } } }) };
    }),
  );
}
