import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { z } from 'zod';

import { resolveProfileVariables, type ProfileVariables } from './profile-variables.pure.ts';

/** The project's workflow-action components, read at run time so edits show up without a restart. */
export const defaultActionDirectory = fileURLToPath(
  new URL('../../../app/workflow-actions/', import.meta.url),
);

const optionSchema = z.looseObject({ value: z.string(), label: z.string().optional() });

const typeDefinitionSchema = z.looseObject({
  name: z.string().min(1),
  type: z.string().min(1),
  fieldType: z.string().optional(),
  options: z.array(optionSchema).optional(),
  optionsUrl: z.string().optional(),
});

const inputFieldSchema = z.looseObject({
  typeDefinition: typeDefinitionSchema,
  supportedValueTypes: z.array(z.string()).optional(),
  isRequired: z.boolean().default(false),
});

const outputFieldSchema = z.looseObject({ typeDefinition: typeDefinitionSchema });

/** The slice of a `workflow-action` hsmeta file (platform doc §4.6) the runner needs; other keys pass through. */
export const workflowActionFileSchema = z.object({
  uid: z.string().regex(/^[a-zA-Z0-9_\-.]{1,64}$/),
  type: z.literal('workflow-action'),
  config: z.looseObject({
    actionUrl: z.url({ protocol: /^https?$/ }),
    isPublished: z.boolean().optional(),
    objectTypes: z.array(z.string()).min(1),
    inputFields: z.array(inputFieldSchema).default([]),
    outputFields: z.array(outputFieldSchema).default([]),
    objectRequestOptions: z.looseObject({ properties: z.array(z.string()).default([]) }).optional(),
    executionRules: z
      .array(z.looseObject({ labelName: z.string(), conditions: z.record(z.string(), z.unknown()) }))
      .default([]),
    labels: z.record(
      z.string(),
      z.looseObject({ actionName: z.string(), executionRules: z.record(z.string(), z.string()).optional() }),
    ),
  }),
});

export type WorkflowActionFile = z.infer<typeof workflowActionFileSchema>;
export type InputFieldDefinition = WorkflowActionFile['config']['inputFields'][number];

/** An uploaded action as HubSpot knows it: the project file plus the ids HubSpot assigns on upload. */
export interface ActionDefinition {
  uid: string;
  /** HubSpot's numeric definition id; the sandbox derives it from the app and the uid so it never changes. */
  definitionId: number;
  version: number;
  /** The source file, for messages. */
  file: string;
  config: WorkflowActionFile['config'];
}

export interface LoadedDefinitions {
  definitions: ActionDefinition[];
  /** Files that could not be read, parsed or resolved; they are left out, as an upload would refuse them. */
  problems: { file: string; uid?: string; message: string }[];
}

/**
 * Reads every `*-hsmeta.json` at the top of `directory` (HubSpot skips nested ones), keeps the workflow
 * actions, and resolves profile variables in them. A missing directory is no actions.
 */
export async function loadActionDefinitions(
  directory: string,
  variables: ProfileVariables,
  appId: number,
): Promise<LoadedDefinitions> {
  const names = await readdir(directory).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  });
  const result: LoadedDefinitions = { definitions: [], problems: [] };
  for (const name of names.filter((entry) => entry.endsWith('-hsmeta.json')).sort()) {
    const file = join(directory, name);
    let uid: string | undefined;
    try {
      const raw: unknown = JSON.parse(await readFile(file, 'utf8'));
      const rawUid = (raw as { uid?: unknown } | null)?.uid;
      uid = typeof rawUid === 'string' ? rawUid : undefined;
      const parsed = workflowActionFileSchema.safeParse(resolveProfileVariables(raw, variables));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const message = `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`;
        result.problems.push({ file, ...(uid === undefined ? {} : { uid }), message });
        continue;
      }
      result.definitions.push({
        uid: parsed.data.uid,
        definitionId: definitionIdFor(appId, parsed.data.uid),
        version: 1,
        file,
        config: parsed.data.config,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      result.problems.push({ file, ...(uid === undefined ? {} : { uid }), message });
    }
  }
  return result;
}

function definitionIdFor(appId: number, uid: string): number {
  const digest = createHash('sha256')
    .update(`harbor-sandbox:action:${String(appId)}:${uid}`)
    .digest();
  return 10_000_000 + (digest.readUInt32BE(0) % 90_000_000);
}
