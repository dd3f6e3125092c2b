import { companyViewWire, maxCommentLength } from '@harbor/wire';
import { describe, expect, it } from 'vitest';

import { defaultHealthModel } from '../../health/model/default-health-model.ts';
import type { HealthModel } from '../../health/model/health-model-schema.ts';
import { assembleCompanyView, type CompanyViewInputs } from './company-view.pure.ts';
import { summariseFeedback } from './feedback-summary.pure.ts';
import { explainModel, findDataGaps } from './model-explanation.pure.ts';

const now = new Date('2026-12-03T12:00:00.000Z');

function inputs(overrides: Partial<CompanyViewInputs> = {}): CompanyViewInputs {
  return {
    companyId: '7',
    properties: { name: 'Acme', contract_value: '20000' },
    owner: undefined,
    score: undefined,
    model: { version: 1, model: defaultHealthModel },
    history: [],
    feedback: [],
    lastSyncAt: now,
    currency: 'USD',
    signals: [],
    playbooks: [],
    plan: null,
    ...overrides,
  };
}

describe('assembling the company view', () => {
  it('when HubSpot stores the renewal as midnight UTC in milliseconds, then the view shows that calendar day', () => {
    const view = assembleCompanyView(
      inputs({ properties: { renewal_date: String(Date.parse('2027-04-30T00:00:00Z')) } }),
      now,
    );
    expect(view.company.renewalDate).toBe('2027-04-30');
    expect(companyViewWire.safeParse(view).success).toBe(true);
  });

  it('when a company has no score yet, then its segment is the one the model would put it in', () => {
    const view = assembleCompanyView(inputs(), now);
    expect(view.company.segment).toBe('MID_MARKET');
    expect(view.model.segment).toBe('MID_MARKET');
    expect(view.noScoreReason).toBe('not_scored');
  });

  it('when snapshots older than 90 days are handed in, then the history leaves them out', () => {
    const view = assembleCompanyView(
      inputs({
        history: [
          { day: '2026-09-03', score: 50, tier: 'watch' },
          { day: '2026-09-04', score: 51, tier: 'watch' },
        ],
      }),
      now,
    );
    expect(view.history.map((point) => point.day)).toEqual(['2026-09-04']);
  });
});

describe('the survey summary', () => {
  it('when a comment is longer than the limit, then it is cut without splitting an emoji', () => {
    const text = `${'a'.repeat(maxCommentLength - 1)}😀 and more`;
    const summary = summariseFeedback(
      [{ type: 'CUSTOM', value: null, content: text, submitted: now.toISOString() }],
      365,
      now,
    );
    expect(summary.latestComment?.text).toBe('a'.repeat(maxCommentLength - 1));
    expect(summary.latestComment?.kind).toBe('CUSTOM');
  });

  it('when answers are out of their scale, then they are not counted, as scoring does not count them', () => {
    const submitted = now.toISOString();
    const summary = summariseFeedback(
      [
        { type: 'csat', value: '5', content: null, submitted },
        { type: 'CSAT', value: '2', content: null, submitted },
        { type: 'CES', value: '0', content: null, submitted },
      ],
      365,
      now,
    );
    expect(summary.csat).toMatchObject({ average: 2, responses: 1 });
    expect(summary.ces).toMatchObject({ average: null, responses: 0 });
  });
});

describe('the model explanation', () => {
  it('when the score’s segment is gone from the model, then the default segment explains it, weights summing to 1', () => {
    const explanation = explainModel(defaultHealthModel, 4, 'RETIRED');
    expect(explanation.segment).toBe('MID_MARKET');
    const total = explanation.components.reduce((sum, component) => sum + component.weight, 0);
    expect(total).toBeCloseTo(1, 3);
    for (const component of explanation.components) {
      const within = component.indicators.reduce((sum, indicator) => sum + indicator.weight, 0);
      expect(within).toBeCloseTo(1, 3);
    }
  });

  it('when no usage property is mapped, then a dropped usage component says so', () => {
    const unmapped: HealthModel = {
      ...defaultHealthModel,
      properties: {
        ...defaultHealthModel.properties,
        seats: null,
        activeUsers: null,
        logins: null,
        loginsPrevious: null,
        featuresUsed: null,
        lastActivity: null,
      },
    };
    const dropped = { score: null, weight: 0, contribution: 0, potential: 0, indicators: [] };
    expect(
      findDataGaps(
        [
          { id: 'usage', ...dropped },
          { id: 'payment', ...dropped },
          { id: 'support', ...dropped },
        ],
        unmapped,
      ),
    ).toEqual([
      { component: 'usage', reason: 'not_mapped' },
      { component: 'payment', reason: 'no_values' },
      { component: 'support', reason: 'no_tickets' },
    ]);
  });
});
