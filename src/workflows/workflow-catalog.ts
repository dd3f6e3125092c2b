import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { AppError } from '../shared/errors/app-error.ts';
import {
  actionTypesSchema,
  harborActionUids,
  workflowDefinitionSchema,
  type ActionTypes,
  type WorkflowDefinition,
} from './workflow-definition.ts';

/** The repository's workflows/ folder. */
export const workflowsFolder = join(import.meta.dirname, '..', '..', 'workflows');
/** Where the project's hsmeta files are, to check that every `harbor:<uid>` names one of them. */
export const workflowActionsFolder = join(import.meta.dirname, '..', '..', 'app', 'workflow-actions');
export const actionTypesFile = 'action-types.json';

export interface WorkflowCatalog {
  definitions: WorkflowDefinition[];
  actionTypes: ActionTypes;
}

function parseJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    throw new AppError('INTERNAL', `${path} is not valid JSON`, { cause: error, isOperational: false });
  }
}

function problemsOf(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

/**
 * Reads and checks every shipped workflow. A broken file is a bug in the release, so it fails loudly
 * instead of being skipped: an admin would otherwise never learn that a workflow is missing.
 */
export function loadWorkflowCatalog(folder = workflowsFolder): WorkflowCatalog {
  const definitions: WorkflowDefinition[] = [];
  const names = new Set<string>();
  for (const file of readdirSync(folder)
    .filter((name) => name.endsWith('.json') && name !== actionTypesFile)
    .sort()) {
    const parsed = workflowDefinitionSchema.safeParse(parseJson(join(folder, file)));
    if (!parsed.success)
      throw new AppError('INTERNAL', `workflows/${file}: ${problemsOf(parsed.error.issues)}`, {
        isOperational: false,
      });
    if (names.has(parsed.data.name))
      throw new AppError('INTERNAL', `workflows/${file}: the name "${parsed.data.name}" is used twice`, {
        isOperational: false,
      });
    names.add(parsed.data.name);
    definitions.push({ key: file.slice(0, -'.json'.length), body: parsed.data });
  }
  const typesPath = join(folder, actionTypesFile);
  const types = actionTypesSchema.safeParse(existsSync(typesPath) ? parseJson(typesPath) : {});
  if (!types.success)
    throw new AppError('INTERNAL', `workflows/${actionTypesFile}: ${problemsOf(types.error.issues)}`, {
      isOperational: false,
    });
  return { definitions, actionTypes: types.data };
}

/**
 * `harbor:<uid>` references that name no hsmeta file in app/workflow-actions/ (empty while that folder does
 * not exist yet), so a renamed action is caught before a workflow is installed with a dangling step.
 */
export function unknownActionUids(catalog: WorkflowCatalog, folder = workflowActionsFolder): string[] {
  if (!existsSync(folder)) return [];
  const known = new Set<string>();
  for (const file of readdirSync(folder).filter((name) => name.endsWith('-hsmeta.json'))) {
    const uid = (parseJson(join(folder, file)) as { uid?: unknown }).uid;
    if (typeof uid === 'string') known.add(uid);
  }
  const used = new Set(catalog.definitions.flatMap((definition) => harborActionUids(definition.body)));
  return [...used].filter((uid) => !known.has(uid));
}
