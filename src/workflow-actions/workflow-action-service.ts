import type { PlaybookType } from '@harbor/wire';
import type { Kysely } from 'kysely';

import type { SignalActions } from '../automations/signal-actions.ts';
import { AppError } from '../shared/errors/app-error.ts';
import type { Logger } from '../shared/logger.ts';
import type { SignalService } from '../signals/signal-service.ts';
import type { RiskSignalType, SignalSeverity } from '../signals/signal-types.ts';
import type { Database } from '../store/database-schema.ts';
import { loadCompanyContext } from '../store/repositories/company-context-repository.ts';
import { findHarborTask } from '../store/repositories/harbor-tasks-repository.ts';
import { findHealthScore } from '../store/repositories/health-scores-repository.ts';
import { listCompanyRuns, playbookTaskKey } from '../store/repositories/playbook-runs-repository.ts';
import {
  claimCall,
  releaseClaim,
  saveAnswer,
  type ActionCall,
} from '../store/repositories/workflow-action-calls-repository.ts';
import { blockDuration, defaultWaitDays, failed, healthOutputs, succeeded } from './action-outputs.pure.ts';
import type { OutputFields } from './workflow-action-wire.ts';

/** Who the signal history and the playbook run name as having acted. */
export const workflowActor = 'hubspot-workflow';

/** A claim this old belongs to an instance that died mid-call; HubSpot's retry takes it over. */
const staleClaimMs = 60_000;
const DAY_MS = 86_400_000;

export interface WorkflowActionDeps {
  db: Kysely<Database>;
  logger: Logger;
  now: () => Date;
  signals?: SignalService | undefined;
  signalActions?: SignalActions | undefined;
}

/** One call as HubSpot sent it: the portal (from the signed body), the callback and the enrolled company. */
export interface CallOf<Inputs> {
  portalId: number;
  callbackId: string;
  companyId: string;
  inputs: Inputs;
}

interface Answer {
  outputFields: OutputFields;
  block?: { runId: number; expiresAt: Date };
}

export interface WorkflowActions {
  health(call: CallOf<object>): Promise<OutputFields>;
  startPlaybook(call: CallOf<{ playbook: PlaybookType }>): Promise<OutputFields>;
  recordRisk(
    call: CallOf<{ type: RiskSignalType; severity: SignalSeverity; note?: string | undefined }>,
  ): Promise<OutputFields>;
  waitForPlaybook(
    call: CallOf<{ playbook: PlaybookType; maxWaitDays?: number | undefined }>,
  ): Promise<OutputFields>;
}

function needed<T>(service: T | undefined, what: string): T {
  if (service === undefined)
    throw new AppError(
      'SERVICE_UNAVAILABLE',
      `${what} do not run on this instance; HubSpot retries the call`,
    );
  return service;
}

/** A refusal the person building the workflow can act on, rather than an error to retry. */
function refusal(error: unknown): OutputFields | undefined {
  if (!(error instanceof AppError)) return undefined;
  if (error.code === 'NOT_FOUND') return failed('COMPANY_NOT_SYNCED');
  return undefined;
}

/**
 * Harbor's custom workflow actions. Each runs at most once per callbackId: the first answer is stored and
 * every retry gets it back; an unexpected failure releases the claim and answers 5xx, so HubSpot's retry
 * runs the action afresh.
 */
export function createWorkflowActions(deps: WorkflowActionDeps): WorkflowActions {
  const { db } = deps;

  async function once(
    action: string,
    call: CallOf<unknown>,
    work: () => Promise<Answer>,
  ): Promise<OutputFields> {
    const key: ActionCall = {
      portalId: call.portalId,
      callbackId: call.callbackId,
      action,
      companyId: call.companyId,
    };
    const now = deps.now();
    const claim = await claimCall(db, key, now, new Date(now.getTime() - staleClaimMs));
    if (claim.kind === 'busy')
      throw new AppError('SERVICE_UNAVAILABLE', 'This call is being answered already; HubSpot retries it');
    if (claim.kind === 'answered') {
      if (claim.action !== action)
        throw new AppError('VALIDATION_FAILED', `callbackId ${call.callbackId} belongs to another action`);
      return claim.answer;
    }
    let answer: Answer;
    try {
      answer = await work();
    } catch (error) {
      const refused = refusal(error);
      if (refused === undefined) {
        await releaseClaim(db, key);
        throw error;
      }
      answer = { outputFields: refused };
    }
    await saveAnswer(db, key, answer.outputFields, deps.now(), answer.block);
    deps.logger.info(
      { portalId: call.portalId, action, state: answer.outputFields.hs_execution_state },
      'workflow action answered',
    );
    return answer.outputFields;
  }

  async function companyExists(portalId: number, companyId: string): Promise<boolean> {
    return (await loadCompanyContext(db, portalId, companyId)) !== undefined;
  }

  return {
    health: (call) =>
      once('health', call, async () => {
        const company = await loadCompanyContext(db, call.portalId, call.companyId);
        if (company === undefined) return { outputFields: failed('COMPANY_NOT_SYNCED') };
        const score = await findHealthScore(db, call.portalId, call.companyId);
        const outputFields = healthOutputs(
          {
            score: score?.score ?? null,
            tier: score?.tier ?? null,
            churnProbability: score?.churnProbability ?? null,
            topDriver: score?.topDriver ?? null,
            renewalDate: company.properties.renewal_date,
          },
          deps.now().getTime(),
        );
        return { outputFields };
      }),

    startPlaybook: (call) =>
      once('start_playbook', call, async () => {
        const signalActions = needed(deps.signalActions, 'Playbooks');
        try {
          const { run, created } = await signalActions.startPlaybook(call.portalId, {
            companyId: call.companyId,
            playbook: call.inputs.playbook,
            actor: workflowActor,
          });
          const first = created
            ? await findHarborTask(db, call.portalId, playbookTaskKey(run.id, 0))
            : undefined;
          const tasksCreated = first?.hubspot_task_id == null ? 0 : 1;
          return { outputFields: succeeded({ tasksCreated, runId: run.id, alreadyRunning: !created }) };
        } catch (error) {
          if (error instanceof AppError && error.code === 'CONFLICT')
            return { outputFields: failed('PLAYBOOK_TURNED_OFF') };
          throw error;
        }
      }),

    recordRisk: (call) =>
      once('record_risk', call, async () => {
        const signals = needed(deps.signals, 'Signals');
        if (!(await companyExists(call.portalId, call.companyId)))
          return { outputFields: failed('COMPANY_NOT_SYNCED') };
        try {
          const { signal, opened } = await signals.record(
            call.portalId,
            call.companyId,
            { type: call.inputs.type, severity: call.inputs.severity, evidence: [] },
            workflowActor,
            call.inputs.note === undefined || call.inputs.note === '' ? null : call.inputs.note,
          );
          return {
            outputFields: succeeded({
              signalId: signal.id,
              opened,
              dueDate: new Date(signal.dueAt).toISOString().slice(0, 10),
            }),
          };
        } catch (error) {
          if (error instanceof AppError && error.code === 'CONFLICT')
            return { outputFields: failed('SIGNAL_BUSY') };
          throw error;
        }
      }),

    waitForPlaybook: (call) =>
      once('wait_for_playbook', call, async () => {
        const now = deps.now();
        const runs = await listCompanyRuns(db, call.portalId, [call.companyId], now);
        const run = runs.find(
          (candidate) => candidate.playbook === call.inputs.playbook && candidate.status === 'running',
        );
        if (run === undefined) {
          const known = await companyExists(call.portalId, call.companyId);
          return { outputFields: failed(known ? 'NO_PLAYBOOK_RUNNING' : 'COMPANY_NOT_SYNCED') };
        }
        const days = call.inputs.maxWaitDays ?? defaultWaitDays;
        return {
          outputFields: { hs_execution_state: 'BLOCK', hs_expiration_duration: blockDuration(days) },
          block: { runId: run.id, expiresAt: new Date(now.getTime() + days * DAY_MS) },
        };
      }),
  };
}
