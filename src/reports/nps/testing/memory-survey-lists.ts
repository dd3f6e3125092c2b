import type { HubSpotList } from '../../../hubspot/lists.ts';
import type { SurveyListGateway } from '../survey-list.ts';

/**
 * HubSpot's static lists kept in memory, for tests that judge the route's edge rather than HubSpot (the
 * security walk). The behaviour Harbor relies on is checked against the sandbox in nps-routes.test.ts.
 */
export function memorySurveyLists(): SurveyListGateway {
  const lists = new Map<string, { list: HubSpotList; members: Set<string> }>();
  return {
    findListByName: (objectTypeId, name) =>
      Promise.resolve(
        [...lists.values()].find(
          (entry) =>
            entry.list.objectTypeId === objectTypeId && entry.list.name.toLowerCase() === name.toLowerCase(),
        )?.list ?? null,
      ),
    createManualList: (objectTypeId, name) => {
      const list = { listId: String(lists.size + 1), name, objectTypeId, processingType: 'MANUAL' };
      lists.set(list.listId, { list, members: new Set() });
      return Promise.resolve(list);
    },
    addListMembers: (listId, recordIds) => {
      const members = lists.get(listId)?.members ?? new Set<string>();
      const added = [...new Set(recordIds)].filter((id) => !members.has(id));
      for (const id of added) members.add(id);
      return Promise.resolve({ recordsIdsAdded: added, recordIdsMissing: [], recordIdsRemoved: [] });
    },
  };
}
