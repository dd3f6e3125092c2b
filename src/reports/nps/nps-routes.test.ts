import { npsReportWire, surveyListResultWire } from '@harbor/wire';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildTestApp, signedHubSpotHeaders } from '../../../test/support/test-app.ts';
import { testDatabaseTargets } from '../../../test/support/test-databases.ts';
import { createHubSpotGateway } from '../../hubspot/hubspot-gateway.ts';
import { createMemoryLogger } from '../../hubspot/testing/test-kit.ts';
import { createStaticTokenSource } from '../../hubspot/token-source.ts';
import { installPortals } from '../../jobs/testing/fake-sync.ts';
import { startSandbox, type RunningSandbox } from '../../sandbox/start-sandbox.ts';
import type { DatabaseHandle } from '../../store/open-database.ts';
import { listAudit } from '../../store/repositories/audit-log-repository.ts';
import { upsertOwners } from '../../store/repositories/owners-repository.ts';
import { npsReportBuilder } from './nps-report-builder.ts';
import { npsNow, npsOtherPortal, npsPortal, seedNpsBook } from './nps-programme.fixture.ts';

describe.each(testDatabaseTargets())('the NPS programme on $name', (target) => {
  let handle: DatabaseHandle;
  let app: Express;
  let sandbox: RunningSandbox;
  let contacts: { acme: string; shared: string; epsilon: string };

  const get = (path: string) =>
    request(app)
      .get(path)
      .set(signedHubSpotHeaders('GET', path, '', npsNow));
  const post = (path: string) =>
    request(app)
      .post(path)
      .set(signedHubSpotHeaders('POST', path, '{}', npsNow))
      .set('content-type', 'application/json')
      .send('{}');
  const identity = (portalId: number) => `portalId=${String(portalId)}&userId=7001`;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, companies: 3, seed: 13 });
    // The survey list adds contacts HubSpot has: Harbor's copy uses the sandbox's own contact ids.
    const [acme, shared, epsilon] = [...sandbox.sandbox.world.defaultPortal.tables.contacts.all()].map(
      (contact) => contact.id,
    );
    if (acme === undefined || shared === undefined || epsilon === undefined)
      throw new Error('too few contacts');
    contacts = { acme, shared, epsilon };
    handle = await target.open();
    await installPortals(handle.db, [npsPortal, npsOtherPortal]);
    await seedNpsBook(handle.db, contacts);
    // A user of the portal (an owner with a HubSpot user id) may build the list; a stranger may not.
    await upsertOwners(
      handle.db,
      npsPortal,
      [{ id: '77', email: null, firstName: 'Ana', lastName: 'Lima', userId: '7001', archived: false }],
      npsNow,
    );
    const gateway = createHubSpotGateway({
      basePath: sandbox.baseUrl,
      logger: createMemoryLogger().logger,
      tokenSourceFor: () => createStaticTokenSource(sandbox.accessToken),
      timeoutMs: 10_000,
    });
    app = buildTestApp(handle, {
      now: () => npsNow,
      surveyLists: { gatewayFor: () => gateway.forPortal(sandbox.portalId) },
    }).app;
  });
  afterAll(async () => {
    await handle.close();
    await sandbox.close();
  });

  it('when the NPS page opens, then each quarter shows NPS with n and its interval per segment, hiding small groups', async () => {
    const response = await get(`/api/reports/nps?${identity(npsPortal)}&period=quarter`);
    expect(response.status).toBe(200);
    const report = npsReportWire.parse(response.body);
    expect([report.from, report.to, report.minimumResponses]).toEqual(['2026-01-01', '2026-12-31', 3]);
    const q4 = report.rows.filter((row) => row.periodLabel === '2026-Q4');
    expect(
      q4.map((row) => [
        row.segment,
        row.nps.n,
        row.nps.score,
        row.nps.marginOfError,
        row.nps.hiddenBelowMinimum,
      ]),
    ).toEqual([
      // all: 10, 9, 3, 5 → NPS 0 ± 98 (see the fixture).
      ['all', 4, 0, 98, false],
      ['ENT', 1, null, null, true],
      // 10, 9, 3 → 33.3 ± 106.7, the interval clipped at 100.
      ['SMB', 3, 33.3, 106.7, false],
      ['unsegmented', 0, null, null, true],
    ]);
    expect(q4[2]?.nps).toMatchObject({ low: -73.4, high: 100, standardError: 54.43 });
    // Beta's CSAT "4" is off HubSpot's 0–2 scale: only Acme's 2 counts, below the minimum.
    expect(q4[0]?.csat).toMatchObject({ n: 1, hiddenBelowMinimum: true });
    expect(report.rows.find((row) => row.periodLabel === '2026-Q3' && row.segment === 'all')?.nps.n).toBe(2);
  });

  it('when `harbor report nps` prints a table, CSV or Markdown, then NPS reads in words with its margin and n', async () => {
    const report = await npsReportBuilder(
      { db: handle.db, logger: createMemoryLogger().logger, portalId: npsPortal, now: npsNow },
      { period: 'quarter', from: '2026-10-01' },
    );
    expect(report.table).toContain('2026-Q4*  SMB          NPS 33 (±107, n = 3)');
    expect(report.table).toContain('hidden: n = 1, fewer than 3');
    expect(report.table).toContain(
      'Detractor loop: 2 detractor answers, 2 with a follow-up task, 1 closed (closed-loop rate 50 %), median time to close 1.3 days, 1 closed within 2 business days.',
    );
    const csv = report.csv.split('\n');
    expect(csv[0]?.startsWith('segment,periodStart,periodEnd,periodLabel,complete,npsN,nps,')).toBe(true);
    expect(csv.find((line) => line.startsWith('SMB,'))).toMatch(
      /^SMB,2026-10-01,2026-12-31,2026-Q4,false,3,33\.3,-73\.4,100,/,
    );
    expect(report.md).toContain('| 2026-Q4* | all | NPS 0 (±98, n = 4) |');
  });

  it('when customers have no answer in the last quarter, then they are listed as survey due, never-answered first', async () => {
    const report = npsReportWire.parse((await get(`/api/reports/nps?${identity(npsPortal)}`)).body);
    expect(report.surveyDue).toEqual({
      cadence: 'quarterly',
      answeredSince: '2026-08-24T12:00:00.000Z',
      listName: 'Harbor survey due 2026-Q4',
      customers: 4,
      due: 2,
      dueContacts: 2,
      companies: [
        { companyId: '103', name: 'Gamma', segment: 'unsegmented', lastAnswerAt: null, contacts: 1 },
        {
          companyId: '106',
          name: 'Epsilon',
          segment: 'SMB',
          lastAnswerAt: '2026-06-01T10:00:00.000Z',
          contacts: 2,
        },
      ],
    });
  });

  it('when detractors answered, then the loop shows the closed-loop rate, median time to close and the in-time count', async () => {
    const { detractorLoop } = npsReportWire.parse(
      (await get(`/api/reports/nps?${identity(npsPortal)}`)).body,
    );
    expect({
      ...detractorLoop,
      answers: detractorLoop.answers.map((row) => [row.companyName, row.value, row.followUp, row.inTime]),
    }).toEqual({
      detractorAnswers: 2,
      withFollowUp: 2,
      closed: 1,
      closedLoopRate: 0.5,
      // 2 Nov 09:00 → 3 Nov 16:00 = 31 h = 1.29 days.
      medianDaysToClose: 1.3,
      closedWithinTwoBusinessDays: 1,
      answers: [
        ['Beta', 5, 'open', false],
        ['Acme', 3, 'completed', true],
      ],
    });
  });

  it('when one owner or one segment is asked for, then only their companies count', async () => {
    const acme = npsReportWire.parse((await get(`/api/reports/nps?${identity(npsPortal)}&ownerId=501`)).body);
    expect(acme.rows.find((row) => row.periodLabel === '2026-Q4' && row.segment === 'all')?.nps.n).toBe(3);
    expect(acme.detractorLoop.detractorAnswers).toBe(1);
    const smb = npsReportWire.parse((await get(`/api/reports/nps?${identity(npsPortal)}&segment=SMB`)).body);
    expect([...new Set(smb.rows.map((row) => row.segment))]).toEqual(['SMB']);
    expect(smb.surveyDue.companies.map((company) => company.companyId)).toEqual(['106']);
  });

  it('when another portal asks, then it sees none of these answers, customers or detractors', async () => {
    const report = npsReportWire.parse((await get(`/api/reports/nps?${identity(npsOtherPortal)}`)).body);
    expect(report.rows.every((row) => row.nps.n === 0 && row.csat.n === 0 && row.ces.n === 0)).toBe(true);
    expect([report.surveyDue.customers, report.detractorLoop.detractorAnswers]).toEqual([0, 0]);
  });

  it('when someone who is not a user of the portal asks for the list, then it is refused and HubSpot is not called', async () => {
    const path = `/api/reports/nps/survey-list?portalId=${String(npsPortal)}&userId=7999`;
    const response = await request(app)
      .post(path)
      .set(signedHubSpotHeaders('POST', path, '{}', npsNow))
      .set('content-type', 'application/json')
      .send('{}');
    expect(response.status).toBe(403);
    const lookup = await fetch(
      `${sandbox.baseUrl}/crm/v3/lists/object-type-id/0-1/name/${encodeURIComponent('Harbor survey due 2026-Q4')}`,
      { headers: { authorization: `Bearer ${sandbox.accessToken}` } },
    );
    expect(lookup.status).toBe(404);
  });

  it('when the survey list is built twice, then one static list holds the due contacts once and both requests are audited', async () => {
    const first = await post(`/api/reports/nps/survey-list?${identity(npsPortal)}`);
    expect(first.status).toBe(200);
    expect(surveyListResultWire.parse(first.body)).toMatchObject({
      listName: 'Harbor survey due 2026-Q4',
      created: true,
      companies: 2,
      contacts: 2,
      added: 2,
    });
    const second = surveyListResultWire.parse(
      (await post(`/api/reports/nps/survey-list?${identity(npsPortal)}`)).body,
    );
    expect(second).toMatchObject({
      listId: (first.body as { listId: string }).listId,
      created: false,
      added: 0,
    });

    const members = await fetch(`${sandbox.baseUrl}/crm/v3/lists/${second.listId}/memberships`, {
      headers: { authorization: `Bearer ${sandbox.accessToken}` },
    });
    const body = (await members.json()) as { results: { recordId: string }[] };
    expect(body.results.map((member) => member.recordId).sort()).toEqual(
      [contacts.shared, contacts.epsilon].sort(),
    );
    const audit = await listAudit(handle.db, npsPortal);
    expect(audit.filter((entry) => entry.action === 'nps.survey_list').map((entry) => entry.actor)).toEqual([
      'hubspot-user:7001',
      'hubspot-user:7001',
    ]);
  });
});
