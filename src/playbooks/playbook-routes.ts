import {
  automationRunWire,
  playbookCommandWire,
  playbookRunWire,
  playbookStartWire,
  type AutomationRunWire,
} from '@harbor/wire';
import type { Kysely } from 'kysely';
import { z } from 'zod';

import type { SignalActions } from '../automations/signal-actions.ts';
import { actorOf } from '../health/health-score-routes.ts';
import { defineRoute, type RouteSpec } from '../http/route-table/route-spec.ts';
import {
  crmObjectId,
  noBody,
  noParams,
  noQuery,
  pageLimit,
  rowId,
} from '../http/route-table/wire-schemas.ts';
import { AppError } from '../shared/errors/app-error.ts';
import type { Database } from '../store/database-schema.ts';
import { loadCompanyContext } from '../store/repositories/company-context-repository.ts';
import {
  listAutomationRuns,
  type AutomationRunRecord,
} from '../store/repositories/automation-runs-repository.ts';
import {
  findRun,
  listCompanyRuns,
  tasksOfRuns,
  type PlaybookRunRecord,
} from '../store/repositories/playbook-runs-repository.ts';
import type { PlaybookCommand, PlaybookService } from './playbook-service.ts';
import { toPlaybookRunWire } from './playbook-wire.ts';

export interface PlaybookRouteDeps {
  db: Kysely<Database>;
  now: () => Date;
  /** Absent where playbooks do not run (their writes then answer 503). */
  playbooks?: PlaybookService | undefined;
  signalActions?: SignalActions | undefined;
}

const examplePortal = { portalId: '9000001', userId: '7001' };
const member = {
  auth: { kind: 'hubspot', versions: ['v3'] },
  identity: { kind: 'signed-url', user: 'member' },
} as const;
const recentDays = 30;

async function withTasks(db: Kysely<Database>, portalId: number, runs: PlaybookRunRecord[]) {
  const tasks = await tasksOfRuns(db, portalId, runs);
  return runs.map((run) => toPlaybookRunWire(run, tasks));
}

async function oneWithTasks(db: Kysely<Database>, portalId: number, run: PlaybookRunRecord) {
  return toPlaybookRunWire(run, await tasksOfRuns(db, portalId, [run]));
}

function toRunWire(run: AutomationRunRecord): AutomationRunWire {
  return {
    id: run.id,
    trigger: run.trigger,
    companyId: run.companyId,
    signalId: run.signalId,
    action: run.action,
    outcome: run.outcome === 'pending' ? 'failed' : run.outcome,
    detail: run.detail,
    at: new Date(run.at).toISOString(),
  };
}

function toCommand(wire: z.infer<typeof playbookCommandWire>): PlaybookCommand {
  return wire.kind === 'snooze' ? { ...wire, until: Date.parse(wire.until) } : wire;
}

/**
 * Playbooks for the card and the CLI: a company's runs, starting one, and a run's commands (snooze, resume,
 * cancel with a reason); and what the automations did. Writes need a signed user who is one of the portal's
 * users: the run and the audit log name who did it.
 */
export function playbookRoutes(deps: PlaybookRouteDeps): RouteSpec[] {
  const running = () => {
    if (deps.playbooks === undefined || deps.signalActions === undefined)
      throw new AppError('SERVICE_UNAVAILABLE', 'Playbooks are not running in this instance');
    return { playbooks: deps.playbooks, signalActions: deps.signalActions };
  };
  return [
    defineRoute({
      method: 'GET',
      path: '/api/playbooks',
      summary: "a company's running playbooks and those ended in the last 30 days, newest first",
      auth: { kind: 'hubspot', versions: ['v3'] },
      identity: { kind: 'signed-url', user: 'optional' },
      effect: 'read',
      params: noParams,
      query: z.strictObject({ companyId: crmObjectId }),
      body: noBody,
      response: z.strictObject({ runs: z.array(playbookRunWire) }),
      example: { query: { ...examplePortal, companyId: '1001' } },
      async handler({ identity, query }) {
        if ((await loadCompanyContext(deps.db, identity.portalId, query.companyId)) === undefined)
          throw new AppError('NOT_FOUND', `Company ${query.companyId} is not in Harbor's copy of the CRM`);
        const since = new Date(deps.now().getTime() - recentDays * 86_400_000);
        const runs = await listCompanyRuns(deps.db, identity.portalId, [query.companyId], since);
        return { kind: 'json', body: { runs: await withTasks(deps.db, identity.portalId, runs) } };
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/playbooks',
      summary: 'start a playbook for a company (the running one is returned if it already runs)',
      ...member,
      effect: 'write',
      params: noParams,
      query: noQuery,
      body: playbookStartWire,
      response: playbookRunWire,
      example: { query: examplePortal, body: { companyId: '1001', playbook: 'risk' } },
      async handler({ identity, body }) {
        const { signalActions } = running();
        const { run, created } = await signalActions.startPlaybook(identity.portalId, {
          ...body,
          actor: actorOf(identity),
        });
        const wire = await oneWithTasks(deps.db, identity.portalId, run);
        return { kind: 'json', status: created ? 201 : 200, body: wire };
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/playbooks/:runId/commands',
      summary: 'snooze, resume or cancel (with a reason) a running playbook',
      ...member,
      effect: 'write',
      params: z.strictObject({ runId: rowId }),
      query: noQuery,
      body: playbookCommandWire,
      response: playbookRunWire,
      example: { params: { runId: '1' }, query: examplePortal, body: { kind: 'resume' } },
      async handler({ identity, params, body }) {
        const { playbooks } = running();
        if ((await findRun(deps.db, identity.portalId, params.runId)) === undefined)
          throw new AppError('NOT_FOUND', `Playbook run ${params.runId} does not exist in this portal`);
        const run = await playbooks.command(
          identity.portalId,
          params.runId,
          toCommand(body),
          actorOf(identity),
        );
        return { kind: 'json', body: await oneWithTasks(deps.db, identity.portalId, run) };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/automations/runs',
      summary: 'what the automations did, newest first, a page at a time',
      auth: { kind: 'hubspot', versions: ['v3'] },
      identity: { kind: 'signed-url', user: 'optional' },
      effect: 'read',
      params: noParams,
      query: z.strictObject({
        companyId: crmObjectId.optional(),
        limit: pageLimit(200, 50),
        before: rowId.optional(),
      }),
      body: noBody,
      response: z.strictObject({ runs: z.array(automationRunWire), nextBefore: z.number().int().nullable() }),
      example: { query: { ...examplePortal, limit: '50' } },
      async handler({ identity, query }) {
        const rows = await listAutomationRuns(deps.db, identity.portalId, {
          limit: query.limit + 1,
          beforeId: query.before,
          companyId: query.companyId,
        });
        const page = rows.slice(0, query.limit);
        return {
          kind: 'json',
          body: {
            runs: page.map(toRunWire),
            nextBefore: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
          },
        };
      },
    }),
  ];
}
