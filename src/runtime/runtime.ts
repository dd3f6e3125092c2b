import { join } from 'node:path';

import type { RunningService } from '../cli/commands/serve.command.ts';
import type { AppDeps } from '../http/app-deps.ts';
import { createApp } from '../http/create-app.ts';
import { createMetricsRegistry } from '../http/http-metrics.ts';
import { closeGracefully, listen } from '../http/server-lifecycle.ts';
import { createHealthServices, type HealthServices } from '../health/health-services.ts';
import type { Installer } from '../install/installer.ts';
import { createTokenCipher } from '../shared/crypto/token-cipher.ts';
import { createSignalActions, type SignalActions } from '../automations/signal-actions.ts';
import { createPlaybookService, type PlaybookService } from '../playbooks/playbook-service.ts';
import { handOff } from '../handoffs/handoff-service.ts';
import { runHandoffTriggers } from '../handoffs/handoff-triggers.ts';
import { requestRescore } from '../health/rescore-queue/rescore-queue.ts';
import { retryEscalationTasks } from '../signals/escalation-retry.ts';
import { completeWaitingActions } from '../workflow-actions/complete-waiting-actions.ts';
import { createEscalationTask } from '../signals/escalation-task.ts';
import { portalSignalRules } from '../signals/portal-signal-rules.ts';
import { createSignalService, type SignalService } from '../signals/signal-service.ts';
import type { SyncDeps } from '../sync/sync-types.ts';
import { companyPropertiesFrom } from '../views/settings-view/company-properties-source.ts';
import { workflowsFrom } from '../workflows/harbor-workflows.ts';
import {
  buildInstaller,
  buildSyncDeps,
  localKey,
  oauthSettings,
  registerStaticInstall,
  type Boot,
} from './runtime-parts.ts';
import { buildServiceJobs, type ServiceJobs } from './service-jobs.ts';

/**
 * Everything a command works with, built once per process over one database: one token cipher, one HubSpot
 * gateway (so each portal has one rate limiter whoever calls), the health services, the installer and the
 * service's jobs. Building it starts nothing: no timer, no listener, no HubSpot call until start().
 */
export interface Runtime extends Boot {
  syncDeps: SyncDeps;
  health: HealthServices;
  signals: SignalService;
  playbooks: PlaybookService;
  signalActions: SignalActions;
  installer: Installer;
  /**
   * With HUBSPOT_ACCESS_TOKEN set, records the install of the portal the token belongs to (one HubSpot call);
   * a failure is logged, not thrown. Without it, does nothing.
   */
  recordStaticInstall(): Promise<void>;
  /** The service: listens, records a static-token install, then starts the jobs. Only `serve` calls it. */
  start(): Promise<RunningService>;
}

export interface RuntimeRole {
  /** Who holds portal leases taken by this process (the instance, or `cli:<host>-<pid>`). */
  owner: string;
}

export async function buildRuntime(boot: Boot, role: RuntimeRole): Promise<Runtime> {
  const { config, logger, database } = boot;
  const encryptionKey = config.ENCRYPTION_KEY ?? (await localKey(config, logger));
  const cipher = createTokenCipher(encryptionKey);
  const publicBaseUrl = config.PUBLIC_BASE_URL ?? `http://localhost:${config.PORT}`;
  const oauth = oauthSettings(config, publicBaseUrl, encryptionKey);
  const installer = buildInstaller(config, database, cipher, oauth);
  const syncDeps = buildSyncDeps(boot, cipher);
  const taskDeps = { db: database.db, gateway: syncDeps.gateway, logger, instanceId: role.owner };
  const playbooks = createPlaybookService(taskDeps);
  // Built below: signals start their actions through it, and it marks signals acted on.
  let signalActions: SignalActions | undefined;
  const signals = createSignalService({
    db: database.db,
    logger,
    now: () => new Date(),
    ...portalSignalRules(database.db, logger),
    // The CS lead's task for an escalated risk, exactly once per signal (its key is the signal's id).
    onEscalated: async (portalId, signal) => {
      await createEscalationTask(taskDeps, portalId, signal);
    },
    runAction: (portalId, signal, actor) =>
      (signalActions ?? actionsFor()).startDefinedAction(portalId, signal, actor),
  });
  function actionsFor(): SignalActions {
    signalActions ??= createSignalActions({ ...taskDeps, signals, playbooks });
    return signalActions;
  }
  const actions = actionsFor();
  // Its own lease owner: the jobs' owner would count a sync's lease as its own and run beside it.
  const health = createHealthServices({
    ...syncDeps,
    leaseOwner: `${role.owner}:rescore`,
    // Signals follow every rescoring; a failure is logged and the next rescoring evaluates again, so a
    // broken rule never stops the scores.
    onScored: async (portalId, companyIds) => {
      try {
        await signals.evaluate(portalId, companyIds);
        // Automations act on what just opened; what fails here is retried by the signal-actions job.
        await actions.runAutomations(portalId);
      } catch (error) {
        logger.error({ err: error, portalId }, 'evaluating signals after rescoring failed');
      }
    },
  });
  const jobs: ServiceJobs | undefined = config.JOBS_ENABLED
    ? buildServiceJobs(config, syncDeps, health, role.owner, {
        signals,
        playbooks,
        signalActions: actions,
        retryEscalationTasks: (portalId) => retryEscalationTasks(taskDeps, portalId),
        completeWaitingActions: (portalId) => completeWaitingActions(taskDeps, portalId),
        runHandoffTriggers: (portalId) => runHandoffTriggers(taskDeps, portalId),
      })
    : undefined;

  async function recordStaticInstall(): Promise<void> {
    if (config.HUBSPOT_ACCESS_TOKEN !== undefined)
      await registerStaticInstall(installer, config.HUBSPOT_ACCESS_TOKEN, logger);
  }

  /** The browser preview, outside production only; a dynamic import, so production never loads esbuild. */
  async function loadPreview(): Promise<AppDeps['preview']> {
    if (config.NODE_ENV === 'production') return undefined;
    try {
      const { createPreview } = await import('../preview/create-preview.ts');
      return createPreview({
        db: database.db,
        logger,
        publicBaseUrl,
        clientSecret: config.HUBSPOT_CLIENT_SECRET,
        now: () => new Date(),
        projectRoot: join(import.meta.dirname, '..', '..'),
      });
    } catch (error) {
      logger.warn({ err: error }, 'the browser preview is off (its dev dependencies are not installed)');
      return undefined;
    }
  }

  async function start(): Promise<RunningService> {
    const preview = await loadPreview();
    const app = createApp({
      logger,
      db: database.db,
      metrics: createMetricsRegistry(),
      publicBaseUrl,
      hubspotClientSecret: config.HUBSPOT_CLIENT_SECRET,
      bodyLimit: config.BODY_LIMIT,
      oauth,
      installer,
      now: () => new Date(),
      health,
      signals,
      playbooks,
      signalActions: actions,
      handoffs: { handOff: (portalId, request) => handOff(taskDeps, portalId, request) },
      surveyLists: { gatewayFor: (portalId) => syncDeps.gateway.forPortal(portalId) },
      companyProperties: companyPropertiesFrom(syncDeps.gateway),
      workflows: workflowsFrom(syncDeps.gateway, undefined, config.HUBSPOT_APP_ID, {
        db: database.db,
        owner: role.owner,
        logger,
      }),
      preview,
      // An ingest batch's companies are rescored at once here, or queued for the instance that runs jobs.
      onUsageIngested: (portalId, companyIds) => {
        const rescored =
          jobs === undefined
            ? requestRescore(database.db, portalId, companyIds, new Date())
            : jobs.rescoreQueue.requestAndDrain(portalId, companyIds);
        rescored.catch((error: unknown) => {
          logger.error(
            { err: error, portalId },
            'rescoring after a usage ingest failed; the companies stay queued',
          );
        });
      },
      onWebhookEventsStored:
        jobs === undefined
          ? undefined
          : (portalIds) => {
              for (const portalId of portalIds) jobs.webhookProcessor.notify(portalId);
            },
    });
    const { server, port } = await listen(app, config.PORT, config.HOST);
    logger.info(
      { port, publicBaseUrl },
      `Harbor listening on http://localhost:${port} (public URL ${publicBaseUrl})`,
    );
    if (preview !== undefined)
      logger.info(`Browser preview of the HubSpot UI at http://localhost:${port}/preview`);
    if (config.HUBSPOT_CLIENT_SECRET === undefined) {
      logger.warn('HUBSPOT_CLIENT_SECRET is not set: every request from HubSpot will be refused with 401');
    }
    await recordStaticInstall();
    jobs?.start();
    if (jobs === undefined) logger.info('JOBS_ENABLED=false: no scheduled sync or webhook processing here');

    return {
      async stop() {
        // Jobs first: a sync stopped between pages resumes from its checkpoint, and nothing may touch the
        // database once it closes. In-flight HTTP requests finish meanwhile.
        const [areJobsClean, isHttpClean] = await Promise.all([
          jobs?.stop(config.SHUTDOWN_TIMEOUT_MS) ?? true,
          closeGracefully(server, config.SHUTDOWN_TIMEOUT_MS),
        ]);
        if (!areJobsClean)
          logger.warn('sync runs cut off at the shutdown deadline; their leases expire on their own');
        if (!isHttpClean)
          logger.warn({ timeoutMs: config.SHUTDOWN_TIMEOUT_MS }, 'in-flight requests cut off');
        await boot.close();
        return areJobsClean && isHttpClean;
      },
    };
  }

  return {
    ...boot,
    syncDeps,
    health,
    signals,
    playbooks,
    signalActions: actions,
    installer,
    recordStaticInstall,
    start,
  };
}
