import { defaultReportSettings } from '@harbor/wire';
import type { Kysely } from 'kysely';

import type { Database } from '../../store/database-schema.ts';
import { replaceCompanyAssociations } from '../../store/repositories/company-associations-repository.ts';
import { upsertCrmObjects } from '../../store/repositories/crm-objects-repository.ts';
import {
  applyHubSpotTaskState,
  recordHubSpotTask,
  recordTaskIntent,
} from '../../store/repositories/harbor-tasks-repository.ts';
import {
  saveHealthScores,
  type HealthScoreRecord,
} from '../../store/repositories/health-scores-repository.ts';
import { insertRunOnce, playbookTaskKey } from '../../store/repositories/playbook-runs-repository.ts';
import { saveSettingsVersion } from '../../store/repositories/settings-repository.ts';

/**
 * A small book for the NPS report's database tests, worked by hand (report's today: Tue 24 Nov 2026 12:00).
 *
 * Customers: 101 Acme (SMB), 102 Beta (ENT), 103 Gamma (no score: unsegmented, never answered), 106 Epsilon
 * (SMB, last answer 1 Jun). 104 Delta is a lead and 105 an archived customer: neither counts.
 * Answers: Acme Q3 NPS 8; Q4 NPS 10 (5 Oct), 9 (20 Oct), 3 (Mon 2 Nov 09:00, detractor), CSAT 2, CES 6.
 * Beta Q3 NPS 10; Q4 NPS 5 (Fri 20 Nov 15:00, detractor) and a CSAT "4" (off HubSpot's 0–2 scale: ignored).
 * Epsilon Q2 NPS 7. Minimum answers: 3.
 * Q4 all: 10, 9, 3, 5 → n 4, p .5, d .5: NPS 0, SE 100·√((1 − 0)/4) = 50, margin 98.
 * Q4 SMB: 10, 9, 3 → p 2/3, d 1/3: NPS 33.3, SE 100·√((1 − 1/9)/3) = 54.43, margin 106.7 → −73.4 to 100.
 * Survey due (quarterly: no answer since 24 Aug 12:00): Gamma (never) then Epsilon (1 Jun).
 * Detractor loop: Acme's run (2 Nov 10:00) had its first task completed Tue 3 Nov 16:00, 31 h = 1.3 days, in
 * time; Beta's run (20 Nov 16:00) has its first task open. Closed-loop rate 1/2.
 */

export const npsPortal = 9_700_001;
export const npsOtherPortal = 9_700_002;
export const npsNow = new Date('2026-11-24T12:00:00.000Z');

export interface NpsBookContacts {
  /** Acme's contact with an email. */
  acme: string;
  /** On both Gamma and Epsilon. */
  shared: string;
  /** Epsilon's own. */
  epsilon: string;
}

const record = (id: string, properties: Record<string, string | null>, archived = false) => ({
  id,
  properties,
  archived,
  modifiedAt: new Date('2026-11-23T00:00:00Z'),
});

function score(companyId: string, segment: string): HealthScoreRecord {
  return {
    companyId,
    modelVersion: 1,
    segment,
    score: 70,
    tier: 'healthy',
    tierSince: null,
    pendingTier: null,
    confidence: 90,
    churnProbability: 0.1,
    components: [],
    topDriver: null,
    changes: [],
    trend: { d7: null, d30: null, d90: null },
    computedAt: npsNow,
  };
}

const answers: [
  id: string,
  company: string,
  type: string,
  value: string,
  submitted: string,
  comment?: string,
][] = [
  ['5001', '101', 'NPS', '8', '2026-08-10T10:00:00Z'],
  ['5002', '101', 'NPS', '10', '2026-10-05T10:00:00Z'],
  ['5003', '101', 'NPS', '9', '2026-10-20T10:00:00Z', 'Great onboarding team.'],
  ['5004', '101', 'NPS', '3', '2026-11-02T09:00:00Z', 'Reports are too slow since the last release.'],
  ['5005', '101', 'CSAT', '2', '2026-11-03T10:00:00Z'],
  ['5006', '101', 'CES', '6', '2026-11-03T11:00:00Z'],
  ['5007', '102', 'NPS', '10', '2026-07-15T10:00:00Z'],
  ['5008', '102', 'NPS', '5', '2026-11-20T15:00:00Z'],
  ['5009', '102', 'CSAT', '4', '2026-11-21T10:00:00Z'],
  ['5010', '106', 'NPS', '7', '2026-06-01T10:00:00Z'],
];

export async function seedNpsBook(db: Kysely<Database>, contacts: NpsBookContacts): Promise<void> {
  const synced = npsNow;
  await upsertCrmObjects(
    db,
    npsPortal,
    'companies',
    [
      record('101', { name: 'Acme', lifecyclestage: 'customer', hubspot_owner_id: '501' }),
      record('102', { name: 'Beta', lifecyclestage: 'customer', hubspot_owner_id: '502' }),
      record('103', { name: 'Gamma', lifecyclestage: 'customer' }),
      record('104', { name: 'Delta', lifecyclestage: 'lead' }),
      record('105', { name: 'Gone', lifecyclestage: 'customer' }, true),
      record('106', { name: 'Epsilon', lifecyclestage: 'customer' }),
    ],
    synced,
  );
  await saveHealthScores(db, npsPortal, [score('101', 'SMB'), score('102', 'ENT'), score('106', 'SMB')]);
  await upsertCrmObjects(
    db,
    npsPortal,
    'contacts',
    [
      record(contacts.acme, { email: 'ana@acme.test' }),
      record('9001', { email: null }),
      record(contacts.shared, { email: 'sam@gamma.test' }),
      record(contacts.epsilon, { email: 'eve@epsilon.test' }),
    ],
    synced,
  );
  await replaceCompanyAssociations(
    db,
    npsPortal,
    'contacts',
    [contacts.acme, '9001', contacts.shared, contacts.epsilon],
    [
      { objectId: contacts.acme, companyId: '101' },
      { objectId: '9001', companyId: '101' },
      { objectId: contacts.shared, companyId: '103' },
      { objectId: contacts.shared, companyId: '106' },
      { objectId: contacts.epsilon, companyId: '106' },
    ],
    synced,
  );
  await upsertCrmObjects(
    db,
    npsPortal,
    'feedback_submissions',
    answers.map(([id, , type, value, submitted, comment]) =>
      record(id, {
        hs_survey_type: type,
        hs_value: value,
        hs_submission_timestamp: submitted,
        hs_content: comment ?? null,
      }),
    ),
    synced,
  );
  await replaceCompanyAssociations(
    db,
    npsPortal,
    'feedback_submissions',
    answers.map(([id]) => id),
    answers.map(([id, company]) => ({ objectId: id, companyId: company })),
    synced,
  );
  await saveSettingsVersion(
    db,
    npsPortal,
    {
      reports: { ...defaultReportSettings, survey: { ...defaultReportSettings.survey, minimumResponses: 3 } },
    },
    'test',
  );
  await followUp(db, '101', '2026-11-02T10:00:00Z', '2026-11-03T16:00:00Z');
  await followUp(db, '102', '2026-11-20T16:00:00Z', null);
}

async function followUp(db: Kysely<Database>, companyId: string, started: string, completed: string | null) {
  const { run } = await insertRunOnce(
    db,
    npsPortal,
    {
      companyId,
      playbook: 'detractor_follow_up',
      segment: 'SMB',
      language: 'en',
      steps: [],
      signalId: null,
      reason: 'A detractor answered',
      startedBy: 'signal',
    },
    new Date(started),
  );
  const key = playbookTaskKey(run.id, 0);
  await recordTaskIntent(
    db,
    {
      portalId: npsPortal,
      key,
      companyId,
      ownerId: null,
      subject: 'Contact the detractor within 2 business days',
      dueAt: new Date(Date.parse(started) + 2 * 86_400_000),
    },
    new Date(started),
  );
  // As create-task-once and the completion read-back record them.
  const createdAt = new Date(started);
  await recordHubSpotTask(
    db,
    npsPortal,
    key,
    { hubspotTaskId: `t-${String(run.id)}`, status: 'NOT_STARTED', completedAt: null, modifiedAt: createdAt },
    createdAt,
  );
  if (completed !== null) {
    const completedAt = new Date(completed);
    await applyHubSpotTaskState(
      db,
      npsPortal,
      key,
      { hubspotTaskId: `t-${String(run.id)}`, status: 'COMPLETED', completedAt, modifiedAt: completedAt },
      completedAt,
    );
  }
}
