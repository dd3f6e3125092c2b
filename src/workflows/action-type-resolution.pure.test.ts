import { describe, expect, it } from 'vitest';

import {
  actionTypesFromDefinitions,
  actionUrlPath,
  mergeActionTypes,
} from './action-type-resolution.pure.ts';

const paths = {
  harbor_get_health: '/workflow-actions/health',
  harbor_start_playbook: '/workflow-actions/playbook',
};

function listed(id: string, actionUrl: string, revisionId = '3') {
  return { id, revisionId, actionUrl };
}

describe('HubSpot action types from the app’s listed definitions', () => {
  it('when an hsmeta actionUrl starts with a profile variable, then its path is what is left', () => {
    expect(actionUrlPath('${PUBLIC_BASE_URL}/workflow-actions/health/')).toBe('/workflow-actions/health');
    expect(actionUrlPath('https://harbor.example.com/workflow-actions/health')).toBe(
      '/workflow-actions/health',
    );
    expect(actionUrlPath('not a url')).toBeUndefined();
  });

  it('when the portal lists a definition at an action’s path, then the action gets `1-<id>` and its revision', () => {
    const types = actionTypesFromDefinitions(paths, [
      listed('501', 'https://other.example.com/workflow-actions/playbook-report'),
      listed('777', 'https://harbor.example.com/base/workflow-actions/playbook', '2'),
      listed('888', 'https://harbor.example.com/workflow-actions/health'),
    ]);
    expect(types).toEqual({
      harbor_get_health: { actionTypeId: '1-888', actionTypeVersion: 3 },
      harbor_start_playbook: { actionTypeId: '1-777', actionTypeVersion: 2 },
    });
  });

  it('when no definition is at an action’s path, then that action has no type from the portal', () => {
    expect(actionTypesFromDefinitions(paths, [listed('888', 'https://harbor.example.com/other')])).toEqual(
      {},
    );
  });

  it('when the file and the portal both name a type, then the portal’s wins and the file fills the rest', () => {
    const merged = mergeActionTypes(
      {
        harbor_get_health: { actionTypeId: '1-1', actionTypeVersion: 0 },
        harbor_record_risk_signal: { actionTypeId: '1-2', actionTypeVersion: 0 },
        harbor_wait_for_playbook: null,
      },
      { harbor_get_health: { actionTypeId: '1-888', actionTypeVersion: 3 } },
    );
    expect(merged).toEqual({
      harbor_get_health: { actionTypeId: '1-888', actionTypeVersion: 3 },
      harbor_record_risk_signal: { actionTypeId: '1-2', actionTypeVersion: 0 },
      harbor_wait_for_playbook: null,
    });
  });
});
