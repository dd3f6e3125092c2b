import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { AppError } from '../shared/errors/app-error.ts';
import { actionUrlPath } from './action-type-resolution.pure.ts';
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
  /** The fallback for actions the portal does not list (workflows/action-types.json). */
  actionTypes: ActionTypes;
  /** hsmeta uid → the path of its actionUrl, to find the portal's definition of each action. */
  actionPaths: Record<string, string>;
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
export function loadWorkflowCatalog(
  folder = workflowsFolder,
  actionsFolder = workflowActionsFolder,
): WorkflowCatalog {
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
  return { definitions, actionTypes: types.data, actionPaths: loadActionPaths(actionsFolder) };
}

function hsmetaFiles(folder: string): { uid?: unknown; config?: { actionUrl?: unknown } }[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('-hsmeta.json'))
    .sort()
    .map((name) => parseJson(join(folder, name)) as { uid?: unknown; config?: { actionUrl?: unknown } });
}

/** uid → actionUrl path of each workflow action the project declares (a missing folder declares none). */
export function loadActionPaths(folder = workflowActionsFolder): Record<string, string> {
  const paths: Record<string, string> = {};
  for (const file of hsmetaFiles(folder)) {
    const url = file.config?.actionUrl;
    const path = typeof url === 'string' ? actionUrlPath(url) : undefined;
    if (typeof file.uid === 'string' && path !== undefined && path !== '/') paths[file.uid] = path;
  }
  return paths;
}

/**
 * `harbor:<uid>` references that name no hsmeta file in app/workflow-actions/ (empty while that folder does
 * not exist yet), so a renamed action is caught before a workflow is installed with a dangling step.
 */
export function unknownActionUids(catalog: WorkflowCatalog, folder = workflowActionsFolder): string[] {
  const known = new Set<string>();
  for (const { uid } of hsmetaFiles(folder)) if (typeof uid === 'string') known.add(uid);
  const used = new Set(catalog.definitions.flatMap((definition) => harborActionUids(definition.body)));
  return [...used].filter((uid) => !known.has(uid));
}
