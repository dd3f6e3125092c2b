import { randomInt } from 'node:crypto';

import { computeSignatureV2, computeSignatureV3 } from '../../hubspot/signature/hubspot-signature.ts';
import type { SandboxWorld } from '../server/platform/sandbox-world.ts';
import {
  defaultActionDirectory,
  loadActionDefinitions,
  type ActionDefinition,
  type LoadedDefinitions,
} from './action-definitions.ts';
import {
  buildActionRequest,
  inputFieldProblems,
  interpretActionAnswer,
  matchExecutionRule,
  outputFieldProblems,
  type ActionAnswer,
  type ActionOutcome,
  type InputValue,
} from './action-request.pure.ts';
import type { ProfileVariables } from './profile-variables.pure.ts';
import { completeRun, expireRun, type CompletionResult, type WorkflowRun } from './workflow-run.ts';

export interface WorkflowRunnerOptions {
  /** Where the project's `*-hsmeta.json` workflow actions are; default the repo's app/workflow-actions. */
  directory?: string;
  /** The profile's variables (`${PUBLIC_BASE_URL}` in actionUrl…), as hsprofile.<name>.json would give them. */
  variables?: ProfileVariables;
  /**
   * Signatures on each request. HubSpot's custom-action guide says v2 (platform doc §3.3); whether v3 also comes
   * is unverified, so v3 is opt-in.
   */
  signatures?: readonly ('v2' | 'v3')[];
  /** First try included; HubSpot retries 5xx for up to three days, the sandbox a few times. */
  maxAttempts?: number;
  /** Delay before retry n is base × 2^(n-1), unless a 429 says otherwise in Retry-After. */
  retryBaseMs?: number;
  /** An answer slower than this counts like a 5xx (HubSpot's own limit is undocumented). */
  timeoutMs?: number;
  /** Waits between retries; tests pass one that returns at once. */
  delay?: (ms: number) => Promise<void>;
  /** Runs kept for listing; the oldest finished ones go first. */
  keepRuns?: number;
}

export interface RunActionRequest {
  actionUid: string;
  companyId: string;
  inputFields: Record<string, InputValue>;
  /** Default: the sandbox's default portal. */
  portalId?: number | undefined;
  /** Default: a stand-in id per action. */
  workflowId?: number | undefined;
}

export interface RunFilter {
  state?: WorkflowRun['state'] | undefined;
  actionUid?: string | undefined;
  limit?: number | undefined;
}

/** A run request HubSpot's workflow editor or enrolment would already have refused. */
export class WorkflowRunError extends Error {
  override readonly name = 'WorkflowRunError';
  readonly status: 400 | 404 | 409;
  constructor(status: 400 | 404 | 409, message: string) {
    super(message);
    this.status = status;
  }
}

/**
 * Plays HubSpot's part in running custom workflow actions: enrols a company in one of the project's actions,
 * POSTs the signed action request to its actionUrl, retries 5xx/429/timeouts with the same callbackId, and keeps
 * BLOCKed runs waiting until a callbacks complete call or their expiry (judged on the sandbox clock when read).
 */
export class WorkflowRunner {
  readonly #world: SandboxWorld;
  readonly #options: Required<Omit<WorkflowRunnerOptions, 'variables'>> & { variables: ProfileVariables };
  readonly #runs = new Map<string, WorkflowRun>();
  /** The definition each run was sent with, for the execution rule of its callback's outputs. */
  readonly #sentWith = new Map<string, ActionDefinition>();
  #sequence = 0;

  constructor(world: SandboxWorld, options: WorkflowRunnerOptions = {}) {
    this.#world = world;
    this.#options = {
      directory: defaultActionDirectory,
      variables: {},
      signatures: ['v2'],
      maxAttempts: 4,
      retryBaseMs: 500,
      timeoutMs: 10_000,
      delay: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      keepRuns: 1_000,
      ...options,
    };
  }

  /** The project's actions as the sandbox reads them right now. */
  definitions(): Promise<LoadedDefinitions> {
    const { directory, variables } = this.#options;
    return loadActionDefinitions(directory, variables, this.#world.app.appId);
  }

  /** Enrols the company and runs the action; resolves once the app answered for good (or BLOCKed). */
  async run(request: RunActionRequest): Promise<WorkflowRun> {
    const { definition, portalId, record } = await this.#prepare(request);
    this.#sequence += 1;
    const callbackId = `ap-${String(portalId)}-${String(randomInt(1e9, 1e10))}-${String(this.#sequence)}-0`;
    const workflowId = request.workflowId ?? 100_000_000 + (definition.definitionId % 100_000_000);
    const body = buildActionRequest({
      definition,
      callbackId,
      portalId,
      workflowId,
      objectId: Number(record.id),
      objectType: 'COMPANY',
      recordProperties: record.properties,
      inputFields: request.inputFields,
    });
    const run: WorkflowRun = {
      callbackId,
      actionUid: definition.uid,
      actionName: definition.config.labels.en?.actionName ?? definition.uid,
      definitionId: definition.definitionId,
      portalId,
      companyId: record.id,
      workflowId,
      state: 'running',
      startedAt: this.#iso(),
      request: body,
      attempts: [],
      outputFields: {},
      problems: [],
    };
    this.#remember(run, definition);
    await this.#execute(run, definition);
    return run;
  }

  /**
   * The callbacks complete endpoints' hook: finishes a BLOCKed run with the app's outputs. With `portalId` (the
   * caller's token's portal), another portal's callback is as unknown as one never sent.
   */
  complete(callbackId: string, outputFields: Record<string, string>, portalId?: number): CompletionResult {
    const found = this.#runs.get(callbackId);
    const run = portalId === undefined || found?.portalId === portalId ? found : undefined;
    if (run !== undefined) expireRun(run, this.#world.now());
    const result = completeRun(run, outputFields, this.#iso());
    const definition = this.#sentWith.get(callbackId);
    if (result.ok && definition !== undefined) this.#applyRule(result.run, definition);
    return result;
  }

  get(callbackId: string): WorkflowRun | undefined {
    const run = this.#runs.get(callbackId);
    if (run !== undefined) expireRun(run, this.#world.now());
    return run;
  }

  /** Newest first, expiries applied as of now. */
  list(filter: RunFilter = {}): WorkflowRun[] {
    const now = this.#world.now();
    const runs = [...this.#runs.values()].reverse();
    for (const run of runs) expireRun(run, now);
    return runs
      .filter((run) => filter.state === undefined || run.state === filter.state)
      .filter((run) => filter.actionUid === undefined || run.actionUid === filter.actionUid)
      .slice(0, filter.limit ?? runs.length);
  }

  async #prepare(request: RunActionRequest): Promise<{
    definition: ActionDefinition;
    portalId: number;
    record: { id: string; properties: Record<string, string> };
  }> {
    const { definitions, problems } = await this.definitions();
    const definition = definitions.find((candidate) => candidate.uid === request.actionUid);
    if (definition === undefined) {
      const broken = problems.find((problem) => problem.uid === request.actionUid);
      const known = definitions.map((candidate) => candidate.uid).join(', ');
      throw new WorkflowRunError(
        404,
        broken === undefined
          ? `no workflow action ${request.actionUid} (known: ${known === '' ? 'none' : known})`
          : `${broken.file}: ${broken.message}`,
      );
    }
    if (!definition.config.objectTypes.includes('COMPANY')) {
      throw new WorkflowRunError(400, `${definition.uid} does not run on companies`);
    }
    const portalId = request.portalId ?? this.#world.defaultPortalId;
    const store = this.#world.portal(portalId);
    if (store === undefined) throw new WorkflowRunError(404, `portal ${String(portalId)} does not exist`);
    // Workflows only offer the actions of apps installed in the portal.
    if (!this.#world.isInstalled(portalId)) {
      throw new WorkflowRunError(409, `the app is not installed in portal ${String(portalId)}`);
    }
    const record = store.tables.companies.get(request.companyId);
    if (record === undefined || record.archived) {
      throw new WorkflowRunError(
        404,
        `company ${request.companyId} does not exist in portal ${String(portalId)}`,
      );
    }
    const inputProblems = inputFieldProblems(definition.config.inputFields, request.inputFields);
    if (inputProblems.length > 0) throw new WorkflowRunError(400, inputProblems.join('; '));
    return { definition, portalId, record };
  }

  async #execute(run: WorkflowRun, definition: ActionDefinition): Promise<void> {
    const { maxAttempts, retryBaseMs, delay } = this.#options;
    const rawBody = JSON.stringify(run.request);
    for (let attempt = 1; ; attempt += 1) {
      const outcome = await this.#attempt(run, definition.config.actionUrl, rawBody);
      if (outcome.kind !== 'retry') {
        this.#settle(run, definition, outcome);
        return;
      }
      if (attempt >= maxAttempts) {
        run.state = 'failed';
        run.reason = `gave up after ${String(attempt)} attempts (${outcome.reason})`;
        run.finishedAt = this.#iso();
        return;
      }
      await delay(outcome.retryAfterMs ?? retryBaseMs * 2 ** (attempt - 1));
    }
  }

  async #attempt(run: WorkflowRun, url: string, rawBody: string): Promise<ActionOutcome> {
    const at = this.#iso();
    let answer: ActionAnswer;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: this.#headers(url, rawBody),
        body: rawBody,
        signal: AbortSignal.timeout(this.#options.timeoutMs),
        redirect: 'manual',
      });
      const text = await response.text();
      answer = {
        status: response.status,
        body: parseJson(text),
        retryAfter: response.headers.get('retry-after'),
      };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      run.attempts.push({ at, error: message });
      return { kind: 'retry', reason: message };
    }
    run.attempts.push({ at, status: answer.status });
    run.answer = { status: answer.status, body: answer.body };
    return interpretActionAnswer(answer);
  }

  #settle(
    run: WorkflowRun,
    definition: ActionDefinition,
    outcome: Exclude<ActionOutcome, { kind: 'retry' }>,
  ): void {
    run.outputFields = outcome.outputFields;
    run.problems = outputFieldProblems(definition, run.answer?.body);
    this.#applyRule(run, definition);
    if (outcome.kind === 'blocked') {
      run.state = 'blocked';
      run.blockedUntil = new Date(this.#world.now() + outcome.expiresInMs).toISOString();
      return;
    }
    run.state = outcome.state;
    if (outcome.reason !== undefined) run.reason = outcome.reason;
    run.finishedAt = this.#iso();
  }

  #headers(url: string, rawBody: string): Record<string, string> {
    const { clientSecret } = this.#world.app;
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (this.#options.signatures.includes('v2')) {
      headers['X-HubSpot-Signature'] = computeSignatureV2({
        clientSecret,
        method: 'POST',
        uri: url,
        rawBody,
      });
      headers['X-HubSpot-Signature-Version'] = 'v2';
    }
    if (this.#options.signatures.includes('v3')) {
      const timestamp = String(this.#world.now());
      headers['X-HubSpot-Signature-v3'] = computeSignatureV3({
        clientSecret,
        method: 'POST',
        uri: url,
        rawBody,
        timestamp,
      });
      headers['X-HubSpot-Request-Timestamp'] = timestamp;
    }
    return headers;
  }

  #applyRule(run: WorkflowRun, definition: ActionDefinition): void {
    const rule = matchExecutionRule(definition, run.outputFields);
    if (rule === undefined) delete run.executionRule;
    else run.executionRule = rule;
  }

  #remember(run: WorkflowRun, definition: ActionDefinition): void {
    this.#runs.set(run.callbackId, run);
    this.#sentWith.set(run.callbackId, definition);
    if (this.#runs.size <= this.#options.keepRuns) return;
    for (const [callbackId, old] of this.#runs) {
      if (old.state !== 'running' && old.state !== 'blocked') {
        this.#runs.delete(callbackId);
        this.#sentWith.delete(callbackId);
        return;
      }
    }
  }

  #iso(): string {
    return new Date(this.#world.now()).toISOString();
  }
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
