import { sql } from 'kysely';

import { defaultHealthModel } from '../../src/health/model/default-health-model.ts';
import type { HealthServices } from '../../src/health/health-services.ts';
import { createSignalActions } from '../../src/automations/signal-actions.ts';
import type { HubSpotGateway } from '../../src/hubspot/hubspot-gateway.ts';
import { createPlaybookService } from '../../src/playbooks/playbook-service.ts';
import { handOff } from '../../src/handoffs/handoff-service.ts';
import { memorySurveyLists } from '../../src/reports/nps/testing/memory-survey-lists.ts';
import { AppError } from '../../src/shared/errors/app-error.ts';
import { createSignalService, type SignalService } from '../../src/signals/signal-service.ts';
import { createCapturingLogger } from '../support/capturing-logger.ts';
import type { SignalFiring } from '../../src/signals/signal-types.ts';
import type { AppDeps } from '../../src/http/app-deps.ts';
import { issueIngestKey } from '../../src/ingest/ingest-keys.ts';
import { installPortals, unreachableGateway } from '../../src/jobs/testing/fake-sync.ts';
import { deriveKey } from '../../src/shared/crypto/derive-key.ts';
import type { DatabaseHandle } from '../../src/store/open-database.ts';
import {
  createCalibrationProposal,
  decideProposal,
  listCalibrationProposals,
} from '../../src/store/repositories/health-calibration-repository.ts';
import { saveHealthScores } from '../../src/store/repositories/health-scores-repository.ts';
import { upsertOwners } from '../../src/store/repositories/owners-repository.ts';
import { buildTestApp } from '../support/test-app.ts';
import { seedCompanyView } from './seed-company.ts';

/** What the route table's examples name: one installed portal, its user, a scored company, a proposal. */
export const examplePortalId = 9_000_001;
export const exampleUserId = '7001';
export const fixtureNow = new Date('2026-11-24T12:00:00.000Z');

const card = {
  overall: {
    segment: 'all',
    accounts: 10,
    churned: 2,
    unscored: 0,
    auc: 0.8,
    topDecileLift: 2,
    brier: 0.1,
    falseGreenRate: 0,
  },
  segments: [],
};

/**
 * Scoring stand-ins for the parts that would call HubSpot (backtest, calibration, rescoring); the edge is
 * what the security walk judges, and proposals are read and decided in the real store.
 */
function healthStandIns(handle: DatabaseHandle): HealthServices {
  const summary = {
    portalId: examplePortalId,
    modelVersion: 1,
    scope: 'full' as const,
    scopeReason: 'security walk',
    companies: 0,
    unscored: 0,
    tiers: { healthy: 0, watch: 0, at_risk: 0 },
    tierChanges: 0,
    removed: 0,
    seconds: 0,
    writeBack: undefined,
  };
  return {
    rescore: () => Promise.resolve(summary),
    rescoreNow: () => Promise.resolve(summary),
    backtest: (portalId) =>
      Promise.resolve({
        portalId,
        modelVersion: 1,
        leadDays: 75,
        outcomes: 10,
        cases: 10,
        withoutHistory: 0,
        historyCalls: 0,
        card,
      }),
    propose: () =>
      Promise.resolve({
        proposalId: null,
        baseModelVersion: 1,
        leadDays: 75,
        outcomes: 10,
        cases: 10,
        trainCases: 8,
        heldOutCases: 2,
        l2: 1,
        segments: [],
        current: card,
        proposed: card,
        weights: {},
        recommendation: { apply: false, reason: 'too few churned companies to judge' },
      }),
    listProposals: (portalId, page) => listCalibrationProposals(handle.db, portalId, page),
    apply: () => Promise.resolve({ version: 2 }),
    dismiss: async (portalId, proposalId, actor) => {
      await decideProposal(handle.db, portalId, proposalId, { status: 'dismissed', actor });
    },
  };
}

export async function seedExamples(handle: DatabaseHandle): Promise<void> {
  await installPortals(handle.db, [examplePortalId]);
  await upsertOwners(
    handle.db,
    examplePortalId,
    [
      {
        id: '501',
        email: 'csm@customer.example',
        firstName: 'Casey',
        lastName: 'Moss',
        userId: exampleUserId,
        archived: false,
      },
    ],
    fixtureNow,
  );
  await saveHealthScores(handle.db, examplePortalId, [
    {
      companyId: '1001',
      modelVersion: 1,
      segment: 'smb',
      score: 61.5,
      tier: 'watch',
      tierSince: new Date('2026-11-01T00:00:00Z'),
      pendingTier: null,
      confidence: 90,
      churnProbability: 0.2,
      components: [],
      topDriver: null,
      changes: [],
      trend: { d7: null, d30: 1.5, d90: null },
      computedAt: fixtureNow,
    },
  ]);
  await createCalibrationProposal(handle.db, examplePortalId, {
    baseModelVersion: 1,
    model: defaultHealthModel,
    report: { recommendation: 'keep' },
    actor: 'harbor',
  });
  await seedCompanyView(handle, examplePortalId, '1001', fixtureNow);
  // Ingest key 1 of the example portal: the revoke example acts on it.
  await issueIngestKey(handle.db, examplePortalId, { name: 'walk', createdBy: 'harbor' }, fixtureNow);
  // Signal 1 of the example portal: the signal routes' examples act on it.
  await signalStandIn(handle, [
    { type: 'late_payment', severity: 'high', evidence: [{ key: 'days_past_due', value: 40 }] },
  ]).evaluate(examplePortalId, ['1001']);
  // Playbook run 1 of the example portal: the playbook commands' example acts on it.
  await playbookStandIns(handle).signalActions.startPlaybook(examplePortalId, {
    companyId: '1001',
    playbook: 'onboarding',
    actor: `hubspot-user:${exampleUserId}`,
  });
}

/**
 * The real playbook services over a HubSpot that is never reachable: starting one records the run, and its
 * task waits for a retry, so the walk exercises the routes without a sandbox.
 */
function playbookStandIns(handle: DatabaseHandle): Pick<AppDeps, 'playbooks' | 'signalActions'> & {
  signalActions: NonNullable<AppDeps['signalActions']>;
} {
  const unreachable = {
    forPortal: () => {
      throw new AppError('HUBSPOT_UNAVAILABLE', 'HubSpot is not reachable in the security walk');
    },
  } as unknown as HubSpotGateway;
  const deps = {
    db: handle.db,
    gateway: unreachable,
    logger: createCapturingLogger().logger,
    instanceId: 'security-walk',
    now: () => fixtureNow,
  };
  const playbooks = createPlaybookService(deps);
  return {
    playbooks,
    signalActions: createSignalActions({ ...deps, signals: signalStandIn(handle), playbooks }),
  };
}

function signalStandIn(handle: DatabaseHandle, firings: SignalFiring[] = []): SignalService {
  return createSignalService({
    db: handle.db,
    logger: createCapturingLogger().logger,
    now: () => fixtureNow,
    fire: (_portalId, companyIds) =>
      Promise.resolve(companyIds.map((companyId) => ({ companyId, ownerId: '501', firings }))),
    dueDays: () => Promise.resolve({ low: 20, medium: 10, high: 5, critical: 2 }),
  });
}

export function buildSecurityApp(handle: DatabaseHandle, overrides: Partial<AppDeps> = {}) {
  return buildTestApp(handle, {
    health: healthStandIns(handle),
    signals: signalStandIn(handle),
    ...playbookStandIns(handle),
    // Hand-offs with no routing set: a request is logged "not routed" and HubSpot is never asked.
    handoffs: {
      handOff: (portalId, request) =>
        handOff(
          {
            db: handle.db,
            gateway: unreachableGateway,
            logger: createCapturingLogger().logger,
            instanceId: 'security-walk',
            now: () => fixtureNow,
          },
          portalId,
          request,
        ),
    },
    // The NPS survey list over lists kept in memory: the walk judges the route's edge, not HubSpot.
    surveyLists: { gatewayFor: () => memorySurveyLists() },
    oauth: {
      clientId: 'client-1',
      authorizeUrl: 'https://app.hubspot.test/oauth/authorize',
      redirectUri: 'https://harbor.test/oauth/callback',
      stateKey: deriveKey(Buffer.alloc(32, 7), 'harbor oauth state'),
    },
    ...overrides,
  });
}

/**
 * A fingerprint of every table's rows: equal before and after a request means it wrote nothing (inserts,
 * updates and deletes alike). Small seeded tables keep it cheap.
 */
export async function storeFingerprint(handle: DatabaseHandle): Promise<Map<string, string>> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'kysely_%'
    order by table_name`.execute(handle.db);
  const print = new Map<string, string>();
  for (const { name } of tables.rows) {
    const { rows } = await sql<{ digest: string | null }>`
      select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest
      from ${sql.table(name)} as t`.execute(handle.db);
    print.set(name, rows[0]?.digest ?? '');
  }
  return print;
}

export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after].filter(([name, digest]) => before.get(name) !== digest).map(([name]) => name);
}
