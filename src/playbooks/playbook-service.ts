import { playbookTemplateFor, type PlaybookType } from '@harbor/wire';

import { loadActiveHealthModel } from '../health/model/active-health-model.ts';
import { resolveSegment } from '../health/engine/segment.pure.ts';
import { companyRecordUrl } from '../hubspot/record-urls.ts';
import { AppError } from '../shared/errors/app-error.ts';
import { appendAudit } from '../store/repositories/audit-log-repository.ts';
import { loadCompanyContext } from '../store/repositories/company-context-repository.ts';
import { findHarborTask } from '../store/repositories/harbor-tasks-repository.ts';
import {
  findRun,
  insertRunOnce,
  listRunsWithWork,
  playbookTaskKey,
  updateRun,
  type PlaybookRunRecord,
} from '../store/repositories/playbook-runs-repository.ts';
import { findPortalAccount } from '../store/repositories/portals-repository.ts';
import { loadActionSettings, type ActionSettings } from '../signals/signal-settings-store.ts';
import { createTaskOnce } from '../tasks/create-task-once.ts';
import { dayBounds } from '../tasks/owner-day.pure.ts';
import { countOpenTasksForOwnerToday } from '../tasks/owner-task-cap.ts';
import type { TaskDeps } from '../tasks/task-deps.ts';
import { nextMove } from './next-step.pure.ts';
import { runReason, type RunOrigin } from './run-reason.pure.ts';
import { resolveStepOwner } from './step-owner.pure.ts';
import { stepTask } from './step-task.pure.ts';

export type PlaybookServiceDeps = TaskDeps;

export interface StartPlaybook {
  companyId: string;
  playbook: PlaybookType;
  /** 'harbor' for signals and automations; otherwise who started it (as the signature says). */
  actor: string;
  origin: RunOrigin;
  signalId?: number | null;
}

/** What one pass over a run did. */
export type RunWork = 'created' | 'completed' | 'capped' | 'failed' | 'waiting';

export interface AdvanceSummary {
  runs: number;
  created: number;
  completed: number;
  capped: number;
  failed: number;
}

export type PlaybookCommand =
  | { kind: 'snooze'; until: number; reason?: string | undefined }
  | { kind: 'resume' }
  | { kind: 'cancel'; reason: string };

export interface PlaybookService {
  /**
   * Starts the playbook for the company and creates its first step's task; when the same playbook is
   * already running for the company, that run is returned (`created` false) and nothing is created twice.
   */
  start(portalId: number, request: StartPlaybook): Promise<{ run: PlaybookRunRecord; created: boolean }>;
  /** Snooze, resume or cancel (with a reason); NOT_FOUND for another portal's run, CONFLICT once ended. */
  command(
    portalId: number,
    runId: number,
    command: PlaybookCommand,
    actor: string,
  ): Promise<PlaybookRunRecord>;
  /** Moves every run of the portal that has work: a completed step's successor, a step waiting for its task. */
  advancePortal(portalId: number): Promise<AdvanceSummary>;
}

/** A step whose create failed (HubSpot down, a refusal) is tried again after this long. */
const retryAfterMs = 10 * 60_000;
const maxSnoozeMs = 30 * 86_400_000;
const workPage = 200;

export function createPlaybookService(deps: PlaybookServiceDeps): PlaybookService {
  const { db, logger } = deps;
  const now = deps.now ?? (() => new Date());

  interface PortalContext {
    settings: ActionSettings;
    timeZone: string;
  }

  async function portalContext(portalId: number): Promise<PortalContext> {
    const [settings, account] = await Promise.all([
      loadActionSettings(db, logger, portalId),
      findPortalAccount(db, portalId),
    ]);
    return { settings, timeZone: account?.timeZone ?? 'UTC' };
  }

  /** Writes `patch` if the run is as it was read; false when someone else moved it first. */
  async function write(
    portalId: number,
    run: PlaybookRunRecord,
    patch: Parameters<typeof updateRun>[3],
  ): Promise<PlaybookRunRecord | undefined> {
    const at = now();
    if (!(await updateRun(db, portalId, run.id, patch, at, run.updatedAt))) return undefined;
    return { ...run, ...patch, updatedAt: at.getTime() };
  }

  async function createStep(
    portalId: number,
    run: PlaybookRunRecord,
    step: number,
    context: PortalContext,
  ): Promise<RunWork> {
    const company = await loadCompanyContext(db, portalId, run.companyId);
    const { routing } = context.settings.signals;
    const rule = run.steps[step]?.owner ?? { kind: 'company_owner' as const };
    const ownerId = resolveStepOwner(rule, {
      companyOwnerId: company?.ownerId ?? null,
      ownerFallbackId: routing.ownerFallbackId,
      csLeadId: routing.escalationOwnerId,
    });
    const at = now();
    const key = playbookTaskKey(run.id, step);
    // An intent already recorded (an earlier attempt) is finished whatever the cap says: it may exist in HubSpot.
    const recorded = await findHarborTask(db, portalId, key);
    if (recorded === undefined && ownerId !== null) {
      const open = await countOpenTasksForOwnerToday(db, portalId, ownerId, at, context.timeZone);
      if (open >= context.settings.playbooks.maxOpenTasksPerOwnerPerDay) {
        const tomorrow = dayBounds(at, context.timeZone).to.getTime();
        await write(portalId, run, { nextAttemptAt: tomorrow, lastError: 'owner_daily_cap' });
        return 'capped';
      }
    }
    try {
      const result = await createTaskOnce(
        deps,
        stepTask(
          run,
          step,
          { portalId, ownerId, companyUrl: companyRecordUrl(portalId, run.companyId) },
          at.getTime(),
        ),
      );
      if (result.outcome === 'in_progress') return 'waiting';
      await write(portalId, run, { nextAttemptAt: null, lastError: null });
      return 'created';
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger.warn(
        { err: error, portalId, runId: run.id, step },
        'a playbook step task was not created; retrying later',
      );
      await write(portalId, run, {
        nextAttemptAt: at.getTime() + retryAfterMs,
        lastError: message.slice(0, 500),
      });
      return 'failed';
    }
  }

  /** Moves one run as far as it can go now: past completed steps, then creates the current step's task. */
  async function work(
    portalId: number,
    initial: PlaybookRunRecord,
    context: PortalContext,
  ): Promise<RunWork> {
    let run: PlaybookRunRecord | undefined = initial;
    for (let guard = 0; guard <= initial.steps.length + 1 && run !== undefined; guard += 1) {
      const task = await findHarborTask(db, portalId, playbookTaskKey(run.id, run.currentStep));
      const move = nextMove(
        run,
        task && { hubspotTaskId: task.hubspot_task_id, completed: task.status === 'COMPLETED' },
        now().getTime(),
      );
      if (move.kind === 'wait') return 'waiting';
      if (move.kind === 'create') return createStep(portalId, run, move.step, context);
      const patch =
        move.kind === 'complete'
          ? { status: 'completed' as const, currentStep: run.steps.length, endedAt: now().getTime() }
          : { currentStep: move.step, nextAttemptAt: null, lastError: null };
      const next = await write(portalId, run, patch);
      // Someone else moved it (another instance, a person's command): start again from what is stored.
      run = next ?? (await findRun(db, portalId, run.id));
      if (next !== undefined && move.kind === 'complete') {
        logger.info({ portalId, runId: run?.id, playbook: run?.playbook }, 'playbook completed');
        return 'completed';
      }
    }
    return 'waiting';
  }

  async function segmentOf(
    portalId: number,
    companyId: string,
  ): Promise<{ segment: string; exists: boolean }> {
    const company = await loadCompanyContext(db, portalId, companyId);
    if (company === undefined) return { segment: '', exists: false };
    if (company.scoredSegment !== null) return { segment: company.scoredSegment, exists: true };
    const { model } = await loadActiveHealthModel(db, portalId);
    return { segment: resolveSegment(model, company.properties).name, exists: true };
  }

  return {
    async start(portalId, request) {
      const [context, company] = await Promise.all([
        portalContext(portalId),
        segmentOf(portalId, request.companyId),
      ]);
      if (!company.exists)
        throw new AppError('NOT_FOUND', `Company ${request.companyId} is not in Harbor's copy of the CRM`);
      const language = context.settings.signals.routing.taskLanguage;
      const template = playbookTemplateFor(
        context.settings.playbooks,
        company.segment,
        request.playbook,
        language,
      );
      if (!template.enabled)
        throw new AppError(
          'CONFLICT',
          `The ${request.playbook} playbook is turned off for the ${company.segment} segment (settings → Playbooks)`,
        );
      const at = now();
      const started = await insertRunOnce(
        db,
        portalId,
        {
          companyId: request.companyId,
          playbook: request.playbook,
          segment: company.segment,
          language,
          steps: template.steps,
          signalId: request.signalId ?? null,
          reason: runReason(request.origin, language, at.getTime()),
          startedBy: request.actor,
        },
        at,
      );
      if (started.created) {
        logger.info({ portalId, runId: started.run.id, playbook: request.playbook }, 'playbook started');
        await work(portalId, started.run, context);
      }
      return { run: (await findRun(db, portalId, started.run.id)) ?? started.run, created: started.created };
    },

    async command(portalId, runId, command, actor) {
      const at = now();
      const run = await findRun(db, portalId, runId);
      if (run === undefined)
        throw new AppError('NOT_FOUND', `Playbook run ${runId} does not exist in this portal`);
      if (run.status !== 'running')
        throw new AppError('CONFLICT', `Playbook run ${runId} has ended (${run.status})`);
      if (command.kind === 'snooze') {
        if (command.until <= at.getTime() || command.until > at.getTime() + maxSnoozeMs)
          throw new AppError(
            'VALIDATION_FAILED',
            'A playbook can be snoozed until a time within the next 30 days',
          );
      }
      const patch =
        command.kind === 'snooze'
          ? { snoozedUntil: command.until }
          : command.kind === 'resume'
            ? { snoozedUntil: null, nextAttemptAt: null }
            : { status: 'cancelled' as const, endedAt: at.getTime(), cancelReason: command.reason.trim() };
      if (command.kind === 'cancel' && patch.cancelReason === '')
        throw new AppError('VALIDATION_FAILED', 'Say why the playbook stops');
      const next = await db.transaction().execute(async (tx) => {
        const wrote = await updateRun(tx, portalId, runId, patch, at, run.updatedAt);
        if (!wrote)
          throw new AppError('CONFLICT', `Playbook run ${runId} changed meanwhile; reload and try again`);
        await appendAudit(tx, {
          portalId,
          actor,
          action: `playbook.${command.kind}`,
          entity: `playbook_run:${runId}`,
          before: { status: run.status, snoozedUntil: run.snoozedUntil },
          after: {
            ...patch,
            ...(command.kind === 'snooze' && command.reason !== undefined ? { reason: command.reason } : {}),
          },
        });
        return { ...run, ...patch, updatedAt: at.getTime() };
      });
      if (command.kind === 'resume') await work(portalId, next, await portalContext(portalId));
      return (await findRun(db, portalId, runId)) ?? next;
    },

    async advancePortal(portalId) {
      const summary: AdvanceSummary = { runs: 0, created: 0, completed: 0, capped: 0, failed: 0 };
      const context = await portalContext(portalId);
      for (let afterId = 0; ;) {
        const runs = await listRunsWithWork(db, portalId, now(), { afterId, limit: workPage });
        for (const run of runs) {
          summary.runs += 1;
          const result = await work(portalId, run, context);
          if (result !== 'waiting') summary[result] += 1;
        }
        if (runs.length < workPage) break;
        afterId = runs.at(-1)?.id ?? afterId;
      }
      return summary;
    },
  };
}
