import { defaultSignalSettings, type SignalSettings } from '@harbor/wire';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testDatabaseTargets } from '../../test/support/test-databases.ts';
import { defaultHealthModel } from '../health/model/default-health-model.ts';
import type { DatabaseHandle } from '../store/open-database.ts';
import { replaceCompanyAssociations } from '../store/repositories/company-associations-repository.ts';
import { upsertCrmObjects } from '../store/repositories/crm-objects-repository.ts';
import { saveCompanyPropertyHistory } from '../store/repositories/health-property-history-repository.ts';
import { saveHealthScores, type HealthScoreRecord } from '../store/repositories/health-scores-repository.ts';
import { upsertSnapshots } from '../store/repositories/health-snapshots-repository.ts';
import { replacePipelineStages } from '../store/repositories/pipeline-stages-repository.ts';
import { evaluateRules } from './rules/evaluate-rules.pure.ts';
import { loadSignalInputs } from './signal-inputs.ts';

const PORTAL = 77;
const DAY_MS = 86_400_000;
const NOW = Date.UTC(2026, 5, 15, 12);
const synced = new Date(NOW);
const iso = (time: number) => new Date(time).toISOString();
const settings: SignalSettings = { ...defaultSignalSettings, executiveTicketProperty: 'exec_flag' };

function score(
  companyId: string,
  value: number,
  tier: 'healthy' | 'watch' | 'at_risk',
  since: number,
): HealthScoreRecord {
  return {
    companyId,
    modelVersion: 1,
    segment: 'SMB',
    score: value,
    tier,
    tierSince: new Date(since),
    pendingTier: null,
    confidence: 90,
    churnProbability: 0.2,
    components: [],
    topDriver: null,
    changes: [],
    trend: { d7: null, d30: null, d90: null },
    computedAt: synced,
  };
}

describe.each(testDatabaseTargets())('signal inputs on $name', (target) => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await target.open();
    const { db } = handle;
    const record = (id: string, properties: Record<string, string | null>, archived = false) => ({
      id,
      properties,
      archived,
      modifiedAt: new Date(NOW - DAY_MS),
    });
    await upsertCrmObjects(
      db,
      PORTAL,
      'companies',
      [
        record('1', {
          name: 'Acme',
          logins_30d: '100',
          logins_prev_30d: '400',
          active_users_30d: '20',
          seats_purchased: '100',
        }),
        record('2', { name: 'Bare', contract_value: '200000' }),
        record('3', { name: 'Gone' }, true),
      ],
      synced,
    );
    await upsertCrmObjects(
      db,
      PORTAL,
      'tickets',
      [
        record('t1', {
          subject: 'Outage',
          createdate: iso(NOW - 2 * DAY_MS),
          hs_ticket_priority: 'URGENT',
          escalated: 'true',
          exec_flag: 'true',
          hs_pipeline: '0',
          hs_pipeline_stage: '1',
        }),
        // Closed stage without a closed date: closed when last modified (a day ago).
        record('t2', {
          subject: 'Old',
          createdate: iso(NOW - 9 * DAY_MS),
          hs_pipeline: '0',
          hs_pipeline_stage: '4',
        }),
        record('t3', { subject: 'No date', createdate: null }),
      ],
      synced,
    );
    await replacePipelineStages(
      db,
      PORTAL,
      'tickets',
      [
        {
          objectType: 'tickets',
          pipelineId: '0',
          stageId: '1',
          pipelineLabel: 'Support',
          stageLabel: 'New',
          displayOrder: 0,
          isClosed: false,
          isWon: false,
        },
        {
          objectType: 'tickets',
          pipelineId: '0',
          stageId: '4',
          pipelineLabel: 'Support',
          stageLabel: 'Closed',
          displayOrder: 3,
          isClosed: true,
          isWon: false,
        },
      ],
      synced,
    );
    await upsertCrmObjects(
      db,
      PORTAL,
      'contacts',
      [record('c1', { email: 'ceo@acme.test', jobtitle: 'CEO' }), record('c2', { email: 'dev@acme.test' })],
      synced,
    );
    await upsertCrmObjects(
      db,
      PORTAL,
      'feedback_submissions',
      [
        record('f1', {
          hs_survey_type: 'NPS',
          hs_value: '3',
          hs_submission_timestamp: iso(NOW - 5 * DAY_MS),
          hs_contact_id: 'c1',
          hs_content: 'Unhappy',
        }),
        record('f2', {
          hs_survey_type: 'csat',
          hs_value: '2',
          hs_submission_timestamp: iso(NOW - 6 * DAY_MS),
          hs_contact_id: 'c2',
        }),
        record('f3', {
          hs_survey_type: 'NPS',
          hs_value: 'ten',
          hs_submission_timestamp: iso(NOW),
          hs_contact_id: 'c1',
        }),
      ],
      synced,
    );
    await replaceCompanyAssociations(
      db,
      PORTAL,
      'tickets',
      ['t1', 't2', 't3'],
      [
        { objectId: 't1', companyId: '1' },
        { objectId: 't2', companyId: '1' },
        { objectId: 't3', companyId: '1' },
      ],
      synced,
    );
    await replaceCompanyAssociations(
      db,
      PORTAL,
      'feedback_submissions',
      ['f1', 'f2', 'f3'],
      [
        { objectId: 'f1', companyId: '1' },
        { objectId: 'f2', companyId: '1' },
        { objectId: 'f3', companyId: '1' },
      ],
      synced,
    );
    // Company 1 was watch until 10 days ago and is at_risk since; its active users were 50 forty days ago.
    const changedAt = NOW - 10 * DAY_MS;
    await saveHealthScores(db, PORTAL, [score('1', 38, 'at_risk', changedAt)]);
    for (const [daysAgo, tier] of [
      [20, 'watch'],
      [12, 'watch'],
      [5, 'at_risk'],
    ] as const) {
      await upsertSnapshots(db, PORTAL, new Date(NOW - daysAgo * DAY_MS), [
        { companyId: '1', score: 50, tier, confidence: 90, components: {}, modelVersion: 1 },
      ]);
    }
    await saveCompanyPropertyHistory(
      db,
      PORTAL,
      [
        {
          companyId: '1',
          history: {
            active_users_30d: [
              { value: '20', timestamp: NOW - 2 * DAY_MS },
              { value: '50', timestamp: NOW - 40 * DAY_MS },
              { value: '60', timestamp: NOW - 70 * DAY_MS },
            ],
          },
        },
      ],
      synced,
    );
  });

  afterAll(async () => {
    await handle.close();
  });

  it('loads live companies in id order with tickets, answers and job titles, health and tier history', async () => {
    const inputs = await loadSignalInputs(
      handle.db,
      PORTAL,
      ['3', '2', '1', '404'],
      defaultHealthModel,
      settings,
      NOW,
    );
    expect(inputs.map((company) => company.companyId)).toEqual(['1', '2']);
    const [acme, bare] = inputs;
    expect(acme?.segment).toBe('SMB');
    expect(acme?.tickets).toEqual([
      {
        id: 't1',
        subject: 'Outage',
        createdAt: NOW - 2 * DAY_MS,
        priority: 'URGENT',
        escalated: true,
        executiveFlag: 'true',
      },
      { id: 't2', subject: 'Old', createdAt: NOW - 9 * DAY_MS, closedAt: NOW - DAY_MS, escalated: false },
    ]);
    expect(acme?.feedback).toEqual([
      {
        id: 'f1',
        type: 'NPS',
        value: 3,
        submittedAt: NOW - 5 * DAY_MS,
        contactJobTitle: 'CEO',
        comment: 'Unhappy',
      },
      {
        id: 'f2',
        type: 'CSAT',
        value: 2,
        submittedAt: NOW - 6 * DAY_MS,
        contactJobTitle: null,
        comment: null,
      },
    ]);
    expect(acme?.health).toEqual({
      score: 38,
      tier: 'at_risk',
      previousTier: 'watch',
      tierChangedAt: NOW - 10 * DAY_MS,
    });
    expect(acme?.previousActiveUsers).toBe(50);
    // No score yet: the segment comes from the model's bands (contract value 200,000 is enterprise).
    expect(bare).toMatchObject({
      segment: 'ENTERPRISE',
      tickets: [],
      feedback: [],
      health: null,
      previousActiveUsers: null,
    });
  });

  it('gives the rules what they need: the loaded company fires its risks, the bare one nothing', async () => {
    const [acme, bare] = await loadSignalInputs(
      handle.db,
      PORTAL,
      ['1', '2'],
      defaultHealthModel,
      settings,
      NOW,
    );
    if (acme === undefined || bare === undefined) throw new Error('both companies load');
    expect(evaluateRules(acme, settings, NOW).map((firing) => firing.type)).toEqual([
      'usage_drop',
      'executive_complaint',
      'detractor',
      'low_health',
    ]);
    expect(evaluateRules(bare, settings, NOW)).toEqual([]);
  });
});
