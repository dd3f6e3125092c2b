import type { AutomationAction, PlaybookType } from '@harbor/wire';

import { companyRecordUrl } from '../hubspot/record-urls.ts';
import type { PlaybookService } from '../playbooks/playbook-service.ts';
import { AppError } from '../shared/errors/app-error.ts';
import type { SignalService } from '../signals/signal-service.ts';
import { loadActionSettings } from '../signals/signal-settings-store.ts';
import {
  claimOccurrence,
  listUnautomatedSignals,
  recordOutcome,
  signalOccurrence,
  takeRetries,
  type AutomationOutcome,
} from '../store/repositories/automation-runs-repository.ts';
import type { PlaybookRunRecord } from '../store/repositories/playbook-runs-repository.ts';
import {
  findSignal,
  listActiveSignals,
  type SignalRecord,
} from '../store/repositories/signals-repository.ts';
import { createTaskOnce } from '../tasks/create-task-once.ts';
import type { TaskDeps } from '../tasks/task-deps.ts';
import { signalActionTask } from './signal-task.pure.ts';

export interface SignalActionDeps extends TaskDeps {
  signals: SignalService;
  playbooks: PlaybookService;
}

export interface AutomationSummary {
  considered: number;
  outcomes: Partial<Record<AutomationOutcome, number>>;
}

export interface SignalActions {
  /** A signal's defined action, started by a person (the signal service's `runAction`). */
  startDefinedAction(portalId: number, signal: SignalRecord, actor: string): Promise<void>;
  /**
   * A playbook started by a person for a company (the card, the CLI); the company's active signals defined to
   * get that playbook count as acted on.
   */
  startPlaybook(
    portalId: number,
    request: { companyId: string; playbook: PlaybookType; actor: string },
  ): Promise<{ run: PlaybookRunRecord; created: boolean }>;
  /**
   * Runs the portal's automations on every active signal that has none yet, and retries failed ones. Each
   * runs once per (trigger, signal opening): the store's unique key decides, across instances.
   */
  runAutomations(portalId: number): Promise<AutomationSummary>;
}

const automationPage = 200;
const retryAfterMs = 10 * 60_000;
const maxAttempts = 5;
const automationActor = 'harbor:automation';

/**
 * What happens when a signal should lead somewhere: its defined action when a person starts it, the
 * settings' automations when it opens, and the signals a playbook started by hand answers. Every path marks
 * the signal's action started only after the action itself has started.
 */
export function createSignalActions(deps: SignalActionDeps): SignalActions {
  const { db, logger, signals, playbooks } = deps;
  const now = deps.now ?? (() => new Date());

  async function createSignalTask(portalId: number, signal: SignalRecord): Promise<string> {
    const { signals: settings } = await loadActionSettings(db, logger, portalId);
    const request = signalActionTask(
      portalId,
      signal,
      { language: settings.routing.taskLanguage, companyUrl: companyRecordUrl(portalId, signal.companyId) },
      now().getTime(),
    );
    const result = await createTaskOnce(deps, request);
    if (result.outcome === 'in_progress')
      throw new AppError('CONFLICT', 'The task is being created by another instance; try again shortly');
    return request.key;
  }

  /** Marks the signal's action started, unless it already is (or it closed meanwhile). */
  async function markStarted(portalId: number, signalId: number, note: string): Promise<void> {
    try {
      await signals.command(portalId, signalId, { kind: 'start_action', note }, automationActor, {
        actionDone: true,
      });
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error;
    }
  }

  async function perform(
    portalId: number,
    signal: SignalRecord,
    action: AutomationAction,
  ): Promise<{ outcome: AutomationOutcome; detail: string | null }> {
    if (signal.closedAt !== null) return { outcome: 'skipped', detail: `the signal is ${signal.status}` };
    if (action.kind === 'open_signal') return { outcome: 'signal_opened', detail: null };
    if (action.kind === 'create_task') {
      const key = await createSignalTask(portalId, signal);
      if (signal.actionStartedAt === null) await markStarted(portalId, signal.id, `automation: task ${key}`);
      return { outcome: 'task_created', detail: key };
    }
    try {
      const { run } = await playbooks.start(portalId, {
        companyId: signal.companyId,
        playbook: action.playbook,
        actor: automationActor,
        origin: { kind: 'automation', type: signal.type, openedAt: signal.openedAt },
        signalId: signal.id,
      });
      if (signal.actionStartedAt === null)
        await markStarted(portalId, signal.id, `automation: ${action.playbook} playbook (run ${run.id})`);
      return { outcome: 'playbook_started', detail: `run ${run.id}` };
    } catch (error) {
      // A playbook an admin turned off for the segment is a decision, not a failure to retry.
      if (error instanceof AppError && error.code === 'CONFLICT')
        return { outcome: 'skipped', detail: error.message };
      throw error;
    }
  }

  async function runOne(portalId: number, runId: number, signal: SignalRecord, action: AutomationAction) {
    try {
      const { outcome, detail } = await perform(portalId, signal, action);
      await recordOutcome(db, portalId, runId, outcome, detail, now());
      return outcome;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger.warn({ err: error, portalId, signalId: signal.id }, 'an automation failed; it is retried later');
      await recordOutcome(db, portalId, runId, 'failed', message, now());
      return 'failed' as const;
    }
  }

  return {
    async startDefinedAction(portalId, signal, actor) {
      if (signal.action.kind === 'task') {
        await createSignalTask(portalId, signal);
        return;
      }
      await playbooks.start(portalId, {
        companyId: signal.companyId,
        playbook: signal.action.playbook,
        actor,
        origin: { kind: 'signal', type: signal.type, openedAt: signal.openedAt, evidence: signal.evidence },
        signalId: signal.id,
      });
    },

    async startPlaybook(portalId, request) {
      const started = await playbooks.start(portalId, {
        ...request,
        origin: { kind: 'person', actor: request.actor },
      });
      const answered = (await listActiveSignals(db, portalId, [request.companyId])).filter(
        (signal) =>
          signal.action.kind === 'playbook' &&
          signal.action.playbook === request.playbook &&
          signal.actionStartedAt === null,
      );
      for (const signal of answered) {
        try {
          await signals.command(
            portalId,
            signal.id,
            { kind: 'start_action', note: `${request.playbook} playbook (run ${started.run.id})` },
            request.actor,
            { actionDone: true },
          );
        } catch (error) {
          if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error;
        }
      }
      return started;
    },

    async runAutomations(portalId) {
      const { automations } = await loadActionSettings(db, logger, portalId);
      const enabled = Object.entries(automations.triggers)
        .filter(([, automation]) => automation.enabled)
        .map(([trigger]) => trigger as keyof typeof automations.triggers);
      const summary: AutomationSummary = { considered: 0, outcomes: {} };
      const count = (outcome: AutomationOutcome) => {
        summary.outcomes[outcome] = (summary.outcomes[outcome] ?? 0) + 1;
      };

      for (;;) {
        const candidates = await listUnautomatedSignals(db, portalId, enabled, automationPage);
        let claimed = 0;
        for (const candidate of candidates) {
          const action = automations.triggers[candidate.type].action;
          const runId = await claimOccurrence(
            db,
            portalId,
            {
              ...candidate,
              trigger: candidate.type,
              occurrence: signalOccurrence(candidate.signalId),
              action,
            },
            now(),
          );
          if (runId === undefined) continue;
          claimed += 1;
          summary.considered += 1;
          const signal = await findSignal(db, portalId, candidate.signalId);
          if (signal === undefined) continue;
          count(await runOne(portalId, runId, signal, action));
        }
        // A page where another instance claimed everything would come back the same: stop.
        if (candidates.length < automationPage || claimed === 0) break;
      }

      const retries = await takeRetries(db, portalId, {
        staleBefore: new Date(now().getTime() - retryAfterMs),
        maxAttempts,
        limit: automationPage,
        now: now(),
      });
      for (const retry of retries) {
        summary.considered += 1;
        const signal = await findSignal(db, portalId, retry.signalId);
        if (signal === undefined) continue;
        count(await runOne(portalId, retry.id, signal, retry.action));
      }
      if (summary.considered > 0) logger.info({ portalId, ...summary }, 'automations ran');
      return summary;
    },
  };
}
