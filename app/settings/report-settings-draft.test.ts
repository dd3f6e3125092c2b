import { defaultReportSettings } from '@harbor/wire';
import { describe, expect, it } from 'vitest';

import {
  addTarget,
  routeIdOf,
  setRoute,
  setTarget,
  targetShown,
  validateReportDraft,
} from './report-settings-draft.ts';

describe('the Reports tab’s draft', () => {
  it('when a ratio target is typed as 92.5 %, then it is stored as 0.925; NPS points are stored as typed', () => {
    const draft = setTarget(defaultReportSettings, 0, { shown: 92.5 });
    expect(draft.targets[0]).toEqual({ segment: 'all', metric: 'grr', target: 0.925 });
    expect(targetShown('grr', 0.925)).toBe(92.5);
    expect(setTarget(defaultReportSettings, 3, { shown: 41 }).targets[3]?.target).toBe(41);
  });

  it('when a target row is added, then it takes the first metric All has no target for', () => {
    // Defaults cover GRR, NRR, logo churn and NPS for All: gross revenue churn is next, at 10 %.
    expect(addTarget(defaultReportSettings).targets.at(-1)).toEqual({
      segment: 'all',
      metric: 'grossRevenueChurn',
      target: 0.1,
    });
  });

  it('when a route changes kind, then the typed id follows it, and "not set" clears it', () => {
    const owner = setRoute(defaultReportSettings, 'support', 'owner', ' 501 ');
    expect(owner.routing.support).toEqual({ kind: 'owner', ownerId: '501' });
    const team = setRoute(owner, 'support', 'team', routeIdOf(owner.routing.support));
    expect(team.routing.support).toEqual({ kind: 'team', teamId: '501' });
    expect(setRoute(team, 'support', 'none', '501').routing.support).toBeNull();
  });

  it('when minimum answers is not whole and a category is empty, then each path gets its message', () => {
    const draft = {
      ...defaultReportSettings,
      survey: { ...defaultReportSettings.survey, minimumResponses: 2.5 },
      digest: { ...defaultReportSettings.digest, featureRequestCategories: [''] },
    };
    const checked = validateReportDraft(draft);
    expect(checked.errors).toEqual({
      'survey.minimumResponses': { key: 'settings.error.wholeNumber' },
      'digest.featureRequestCategories.0': { key: 'settings.reports.error.category' },
    });
  });
});
