import express, { type Express, type Router } from 'express';

import { generatePortal, type GroundTruthRow } from '../generator/generate-portal.ts';
import { startOfUtcDay } from '../generator/wire-values.ts';
import { SandboxStore } from '../store/sandbox-store.ts';
import { createWorkflowRoutes } from '../workflows/workflow-routes.ts';
import { WorkflowRunner, type WorkflowRunnerOptions } from '../workflows/workflow-runner.ts';
import { createCrmRoutes } from './crm/create-crm-routes.ts';
import { createFlowRoutes } from './automation/flow-routes.ts';
import { ActionCallbackLog, createActionCallbackRoutes } from './automation/action-callbacks.ts';
import { createActionDefinitionRoutes } from './automation/action-definition-routes.ts';
import { createAccountRoutes } from './platform/account-routes.ts';
import { createAdminRoutes } from './platform/admin-routes.ts';
import { requireBearerToken } from './platform/auth-middleware.ts';
import { ChangeStream } from './platform/change-stream.ts';
import { notFound, sandboxErrorHandler } from './platform/fallback-handlers.ts';
import { FaultInjector } from './platform/fault-injector.ts';
import { createFaultPlan, parseFaultSpec, type FaultSpec } from './platform/fault-plan.pure.ts';
import { createOAuthRoutes } from './platform/oauth-routes.ts';
import { applyPortalMutations } from './platform/portal-mutations.ts';
import { enforceRateLimits } from './platform/rate-limit-middleware.ts';
import { RateLimitPolicy } from './platform/rate-limit-policy.pure.ts';
import { recordRequests, SandboxStats } from './platform/sandbox-stats.ts';
import { ScriptedFaults } from './platform/scripted-faults.ts';
import { SandboxWorld } from './platform/sandbox-world.ts';
import { WebhookDispatcher, type WebhookDispatcherOptions } from './platform/webhook-dispatcher.ts';

export type WebhookTuning = Pick<
  WebhookDispatcherOptions,
  'batchSize' | 'flushDelayMs' | 'timeoutMs' | 'maxAttempts' | 'retryBaseMs' | 'maxConcurrent'
>;

export interface SandboxOptions {
  /** Derives the generated portal, the app credentials, the static token, faults and scripted changes. Default 1. */
  seed?: number;
  /** The default portal as built by the caller; wins over `companies`. */
  store?: SandboxStore;
  /** Generates the default portal with this many companies (generatePortal); an empty portal when omitted. */
  companies?: number;
  /** The generated portal's "today" (epoch ms); default the start of the current UTC day, so same-day runs match. */
  generatedAt?: number;
  /** Id of the generated or empty default portal. */
  portalId?: number;
  /** The sandbox clock (epoch ms); default Date.now. */
  now?: () => number;
  /** Calls per rolling 10 s per app and portal; default 100. */
  rateLimit?: number;
  /** Search calls per second per portal; default 5. */
  searchPerSecond?: number;
  /** Calls per portal per UTC day; no daily limit when omitted. */
  dailyLimit?: number;
  /** A fault spec (see fault-plan.pure.ts) or an already parsed one. */
  faults?: string | FaultSpec;
  /** Where webhook batches are POSTed; no webhooks when omitted. */
  webhookUrl?: string;
  webhook?: WebhookTuning;
  /** OAuth access-token lifetime in seconds; default 1800. */
  accessTokenTtlSeconds?: number;
  /** The CRM API routes; default createCrmRoutes(). */
  crmRoutes?: Router;
  /** How POST /_sandbox/workflow-actions/run finds, signs and sends the project's workflow actions. */
  workflowActions?: WorkflowRunnerOptions;
}

/** What generatePortal produced for the default portal, when the sandbox generated it. */
export interface GeneratedPortalSummary {
  truth: GroundTruthRow[];
  records: number;
}

export interface Sandbox {
  app: Express;
  world: SandboxWorld;
  stats: SandboxStats;
  /** Present when webhookUrl was given. */
  webhooks: WebhookDispatcher | undefined;
  changeStream: ChangeStream;
  /** Faults aimed at one endpoint (POST /_sandbox/faults). */
  scriptedFaults: ScriptedFaults;
  /** Runs the project's workflow actions as HubSpot would (POST /_sandbox/workflow-actions/run). */
  workflowRunner: WorkflowRunner;
  /** Completions received by the callbacks API (POST /automation/v4/actions/callbacks/...). */
  actionCallbacks: ActionCallbackLog;
  generated: GeneratedPortalSummary | undefined;
  /** Stops webhooks, the change stream and held (faulted) requests. */
  close(): Promise<void>;
}

/** Portal id of the empty default portal when no store is given. */
export const EMPTY_PORTAL_ID = 1_000_001;

/**
 * Builds the HubSpot sandbox: the world (app, portals, tokens), the platform layer in front of the CRM routes
 * (auth → faults → rate limits), OAuth, admin endpoints and webhook delivery. No listen; see startSandbox.
 */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const now = options.now ?? Date.now;
  const seed = options.seed ?? 1;
  const { store, generated } = defaultPortal(options, seed, now);
  const world = new SandboxWorld({
    seed,
    defaultPortal: store,
    now,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 1_800,
  });
  const stats = new SandboxStats(now);
  const rateLimit = options.rateLimit ?? 100;
  const policy = new RateLimitPolicy({
    perTenSeconds: rateLimit,
    searchPerSecond: options.searchPerSecond ?? 5,
    daily: options.dailyLimit,
  });
  const faultSpec =
    typeof options.faults === 'string' ? parseFaultSpec(options.faults) : (options.faults ?? []);
  const faults =
    faultSpec.length > 0 ? new FaultInjector(createFaultPlan(faultSpec, seed), stats, rateLimit) : undefined;

  const scriptedFaults = new ScriptedFaults();
  const webhooks =
    options.webhookUrl === undefined
      ? undefined
      : new WebhookDispatcher({
          ...options.webhook,
          url: options.webhookUrl,
          clientSecret: world.app.clientSecret,
          appId: world.app.appId,
          stats,
          now,
        });
  const unsubscribes: (() => void)[] = [];
  if (webhooks !== undefined) {
    world.eachPortal((store) => {
      unsubscribes.push(
        store.onChange((change) => {
          // HubSpot only notifies apps installed in the portal.
          if (world.isInstalled(store.portalId)) webhooks.enqueue(store.portalId, change);
        }),
      );
    });
  }

  const changeStream = new ChangeStream((request, count, tick) => {
    const store = world.portal(request.portalId);
    if (store === undefined) return { applied: 0, changes: {} };
    return applyPortalMutations(store, { count, seed: `${String(request.seed)}:${tick}`, now: now() });
  }, now);

  const workflowRunner = new WorkflowRunner(world, options.workflowActions);
  const actionCallbacks = new ActionCallbackLog();
  // A callback the runner enrolled is its to judge; one it never sent (a test calling the app directly) is recorded.
  actionCallbacks.attach((portalId, callbackId, outputFields) =>
    workflowRunner.get(callbackId) === undefined
      ? { ok: true }
      : workflowRunner.complete(callbackId, outputFields, portalId),
  );

  const app = express();
  app.disable('x-powered-by');
  app.use(recordRequests(stats, now));
  app.use(createOAuthRoutes(world));
  app.use(createAdminRoutes({ world, stats, changeStream, scriptedFaults }));
  app.use(createWorkflowRoutes(workflowRunner));
  app.use('/crm', requireBearerToken(world));
  app.use('/crm', scriptedFaults.middleware());
  if (faults !== undefined) app.use('/crm', faults.middleware());
  app.use('/crm', enforceRateLimits(policy, stats));
  app.use(['/account-info', '/appinstalls'], requireBearerToken(world), enforceRateLimits(policy, stats));
  app.use(createAccountRoutes(world));
  app.use('/automation/v4/flows', requireBearerToken(world), enforceRateLimits(policy, stats));
  app.use(createFlowRoutes());
  app.use('/automation/v4/actions/callbacks', requireBearerToken(world), enforceRateLimits(policy, stats));
  app.use(createActionCallbackRoutes(actionCallbacks));
  app.use('/automation/v4/actions', requireBearerToken(world), enforceRateLimits(policy, stats));
  app.use(createActionDefinitionRoutes(() => workflowRunner.definitions()));
  app.use(options.crmRoutes ?? createCrmRoutes());
  app.use(notFound);
  app.use(sandboxErrorHandler);

  return {
    app,
    world,
    stats,
    webhooks,
    changeStream,
    scriptedFaults,
    workflowRunner,
    actionCallbacks,
    generated,
    async close() {
      changeStream.stop();
      faults?.close();
      for (const unsubscribe of unsubscribes) unsubscribe();
      await webhooks?.close();
    },
  };
}

function defaultPortal(
  options: SandboxOptions,
  seed: number,
  now: () => number,
): { store: SandboxStore; generated: GeneratedPortalSummary | undefined } {
  if (options.store !== undefined) return { store: options.store, generated: undefined };
  if (options.companies === undefined) {
    return { store: new SandboxStore(options.portalId ?? EMPTY_PORTAL_ID), generated: undefined };
  }
  const portal = generatePortal({
    companies: options.companies,
    seed,
    now: options.generatedAt ?? startOfUtcDay(now()),
    ...(options.portalId === undefined ? {} : { portalId: options.portalId }),
  });
  return { store: portal.store, generated: { truth: portal.truth, records: portal.records } };
}
