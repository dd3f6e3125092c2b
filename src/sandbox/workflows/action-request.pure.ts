import type { ActionDefinition, InputFieldDefinition } from './action-definitions.ts';

export type InputValue = string | number | boolean;

/**
 * What HubSpot POSTs to an action's actionUrl (platform doc §4.2, HubSpot's custom-action guide): the callback id
 * the app completes a BLOCK with, where the call comes from, the enrolled object and the configured inputs.
 * `fields` repeats `inputFields`, as the guide's example request does.
 */
export interface ActionRequestBody {
  callbackId: string;
  origin: { portalId: number; actionDefinitionId: number; actionDefinitionVersion: number };
  context: { source: 'WORKFLOWS'; workflowId: number };
  object: { objectId: number; objectType: string; properties: Record<string, string> };
  inputFields: Record<string, InputValue>;
  fields: Record<string, InputValue>;
}

export interface ActionRequestInput {
  definition: ActionDefinition;
  callbackId: string;
  portalId: number;
  workflowId: number;
  objectId: number;
  objectType: string;
  /** The enrolled record's properties; only those the definition's objectRequestOptions ask for are sent. */
  recordProperties: Readonly<Record<string, string>>;
  inputFields: Readonly<Record<string, InputValue>>;
}

export function buildActionRequest(input: ActionRequestInput): ActionRequestBody {
  const wanted = input.definition.config.objectRequestOptions?.properties ?? [];
  const properties: Record<string, string> = {};
  for (const name of wanted) {
    const value = input.recordProperties[name];
    if (value !== undefined) properties[name] = value;
  }
  const inputFields = { ...input.inputFields };
  return {
    callbackId: input.callbackId,
    origin: {
      portalId: input.portalId,
      actionDefinitionId: input.definition.definitionId,
      actionDefinitionVersion: input.definition.version,
    },
    context: { source: 'WORKFLOWS', workflowId: input.workflowId },
    object: { objectId: input.objectId, objectType: input.objectType, properties },
    inputFields,
    fields: { ...inputFields },
  };
}

/**
 * Why HubSpot's workflow editor would not let these inputs be saved for this action: unknown fields, missing
 * required ones, values outside a static option list or of the wrong type. Empty when they fit.
 */
export function inputFieldProblems(
  fields: readonly InputFieldDefinition[],
  values: Readonly<Record<string, InputValue>>,
): string[] {
  const problems: string[] = [];
  const byName = new Map(fields.map((field) => [field.typeDefinition.name, field]));
  for (const name of Object.keys(values)) {
    if (!byName.has(name)) problems.push(`${name}: not an input field of this action`);
  }
  for (const field of fields) {
    const { name, type, options, optionsUrl } = field.typeDefinition;
    const value = values[name];
    if (value === undefined || value === '') {
      if (field.isRequired) problems.push(`${name}: required`);
      continue;
    }
    if (type === 'number' && !Number.isFinite(typeof value === 'number' ? value : Number(value))) {
      problems.push(`${name}: expected a number`);
    } else if (type === 'bool' && !['true', 'false'].includes(String(value))) {
      problems.push(`${name}: expected true or false`);
    } else if (type === 'enumeration' && optionsUrl === undefined && options !== undefined) {
      // Options fetched from optionsUrl are the app's to check; a static list is HubSpot's.
      if (!options.some((option) => option.value === String(value))) {
        problems.push(`${name}: ${String(value)} is not one of ${options.map((o) => o.value).join(', ')}`);
      }
    }
  }
  return problems;
}

export type ExecutionState = 'SUCCESS' | 'FAIL_CONTINUE' | 'BLOCK' | 'ASYNC';

/** What HubSpot makes of one answer from actionUrl (platform doc §4.3–4.4). */
export type ActionOutcome =
  | { kind: 'done'; state: 'succeeded' | 'failed'; outputFields: Record<string, string>; reason?: string }
  | { kind: 'blocked'; outputFields: Record<string, string>; expiresInMs: number }
  | { kind: 'retry'; reason: string; retryAfterMs?: number };

/** HubSpot's default wait for a BLOCK without hs_expiration_duration: one week. */
export const DEFAULT_BLOCK_MS = 7 * 24 * 3_600_000;

export interface ActionAnswer {
  status: number;
  /** Parsed JSON, or undefined when the body was empty or not JSON. */
  body: unknown;
  retryAfter?: string | null;
}

/**
 * 2xx: the execution state in outputFields decides (none means success); 429 and 5xx are retried (Retry-After
 * in milliseconds, as workflows read it); any other status fails the action and the workflow carries on.
 */
export function interpretActionAnswer(answer: ActionAnswer): ActionOutcome {
  if (answer.status === 429 || answer.status >= 500) {
    const retryAfterMs = Number(answer.retryAfter ?? Number.NaN);
    return {
      kind: 'retry',
      reason: `HTTP ${String(answer.status)}`,
      ...(Number.isFinite(retryAfterMs) && retryAfterMs >= 0 ? { retryAfterMs } : {}),
    };
  }
  const outputFields = readOutputFields(answer.body);
  if (answer.status < 200 || answer.status >= 300) {
    return { kind: 'done', state: 'failed', outputFields, reason: `HTTP ${String(answer.status)}` };
  }
  const state = outputFields.hs_execution_state;
  if (state === 'BLOCK' || state === 'ASYNC') {
    const duration = outputFields.hs_expiration_duration;
    const parsed = duration === undefined ? undefined : parseIsoDuration(duration);
    return { kind: 'blocked', outputFields, expiresInMs: parsed ?? DEFAULT_BLOCK_MS };
  }
  if (state === 'FAIL_CONTINUE') return { kind: 'done', state: 'failed', outputFields, reason: state };
  return { kind: 'done', state: 'succeeded', outputFields };
}

/** HubSpot's output values are strings; numbers and booleans from a lenient app are kept as their text. */
export function readOutputFields(body: unknown): Record<string, string> {
  const fields = (body as { outputFields?: unknown } | undefined)?.outputFields;
  if (typeof fields !== 'object' || fields === null) return {};
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      result[name] = String(value);
    }
  }
  return result;
}

/**
 * Differences between an answer's outputs and the action's declared output fields, for the run's record
 * (HubSpot drops undeclared outputs; a wrongly typed one breaks the branches built on it).
 */
export function outputFieldProblems(definition: ActionDefinition, body: unknown): string[] {
  const fields = (body as { outputFields?: unknown } | undefined)?.outputFields;
  if (fields === undefined) return [];
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    return ['outputFields: expected an object'];
  }
  const declared = new Map(definition.config.outputFields.map((f) => [f.typeDefinition.name, f]));
  const problems: string[] = [];
  for (const [name, value] of Object.entries(fields as Record<string, unknown>)) {
    if (name.startsWith('hs_')) continue;
    const field = declared.get(name);
    if (field === undefined) {
      problems.push(`${name}: not a declared output field`);
      continue;
    }
    const type = field.typeDefinition.type;
    if (type === 'number' && !Number.isFinite(Number(value))) problems.push(`${name}: expected a number`);
    if (type === 'enumeration' && field.typeDefinition.options !== undefined) {
      if (!field.typeDefinition.options.some((option) => option.value === String(value))) {
        problems.push(`${name}: ${String(value)} is not a declared option`);
      }
    }
  }
  return problems;
}

const durationPattern =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * An ISO-8601 duration such as HubSpot's example "P1WT1H" in milliseconds, years as 365 days and months as 30;
 * undefined when it is not one.
 */
export function parseIsoDuration(text: string): number | undefined {
  const match = durationPattern.exec(text);
  if (match === null || text === 'P' || text.endsWith('T')) return undefined;
  const [years, months, weeks, days, hours, minutes, seconds] = match
    .slice(1)
    .map((part: string | undefined) => (part === undefined ? 0 : Number(part)));
  const dayMs = 86_400_000;
  return (
    (years ?? 0) * 365 * dayMs +
    (months ?? 0) * 30 * dayMs +
    (weeks ?? 0) * 7 * dayMs +
    (days ?? 0) * dayMs +
    (hours ?? 0) * 3_600_000 +
    (minutes ?? 0) * 60_000 +
    Math.round((seconds ?? 0) * 1_000)
  );
}

/**
 * The execution-rule message workflow history shows for these outputs (platform doc §4.3): the first rule whose
 * conditions all match, its label in English; undefined when none matches.
 */
export function matchExecutionRule(
  definition: ActionDefinition,
  outputFields: Readonly<Record<string, string>>,
): { labelName: string; message: string } | undefined {
  const rule = definition.config.executionRules.find((candidate) =>
    Object.entries(candidate.conditions).every(([name, expected]) => {
      const actual = outputFields[name];
      return Array.isArray(expected)
        ? expected.map(String).includes(actual ?? '')
        : String(expected) === actual;
    }),
  );
  if (rule === undefined) return undefined;
  const message = definition.config.labels.en?.executionRules?.[rule.labelName] ?? rule.labelName;
  return { labelName: rule.labelName, message };
}
