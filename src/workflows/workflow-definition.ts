import { z } from 'zod';

/** The uid of one of Harbor's custom workflow actions (app/workflow-actions/<name>-hsmeta.json). */
const actionUid = z.string().regex(/^[a-zA-Z0-9_\-.]{1,64}$/, 'an hsmeta uid');

/**
 * A custom action is named in a definition as `harbor:<hsmeta uid>`: HubSpot gives a project's action its
 * type id only once the project is uploaded, so the id is looked up at install (workflows/action-types.json).
 */
export const harborActionPrefix = 'harbor:';

const connection = z.strictObject({ edgeType: z.enum(['STANDARD', 'GOTO']), nextActionId: z.string() });

/** One step; branches and the other kinds HubSpot knows are kept as they are, only single steps are typed. */
const singleConnectionAction = z.looseObject({
  type: z.literal('SINGLE_CONNECTION'),
  actionId: z.string().min(1),
  actionTypeId: z.union([z.string().regex(/^\d+-\d+$/), z.string().startsWith(harborActionPrefix)]),
  actionTypeVersion: z.number().int().nonnegative(),
  connection: connection.optional(),
  fields: z.record(z.string(), z.record(z.string(), z.unknown())),
});
const otherAction = z.looseObject({
  type: z.enum(['STATIC_BRANCH', 'LIST_BRANCH', 'AB_TEST_BRANCH', 'CUSTOM_CODE', 'WEBHOOK']),
  actionId: z.string().min(1),
});

/**
 * A shipped workflow: the body of HubSpot's "create a flow" call (Automation v4, a company-based platform
 * flow), so the file can be read next to HubSpot's docs. It is always shipped disabled: an admin reviews it
 * and turns it on in HubSpot.
 */
export const workflowDefinitionSchema = z.strictObject({
  type: z.literal('PLATFORM_FLOW'),
  flowType: z.literal('WORKFLOW'),
  objectTypeId: z.literal('0-2', { error: 'Harbor workflows are company-based (objectTypeId 0-2)' }),
  name: z.string().startsWith('Harbor: ', 'Harbor workflow names start with "Harbor: "').max(200),
  description: z.string().min(1).max(1_000),
  isEnabled: z.literal(false, { error: 'shipped workflows are disabled; an admin turns them on in HubSpot' }),
  startActionId: z.string().min(1),
  enrollmentCriteria: z.looseObject({ type: z.enum(['LIST_BASED', 'EVENT_BASED', 'MANUAL']) }),
  actions: z
    .array(z.union([singleConnectionAction, otherAction]))
    .min(1)
    .max(50),
  timeWindows: z.array(z.unknown()),
  blockedDates: z.array(z.unknown()),
  customProperties: z.record(z.string(), z.string()),
  dataSources: z.array(z.unknown()),
});
export type WorkflowBody = z.infer<typeof workflowDefinitionSchema>;

export interface WorkflowDefinition {
  /** The file name without `.json`: how the CLI and the settings page name the workflow. */
  key: string;
  body: WorkflowBody;
}

/** uid → HubSpot's action type, or null while the project's actions have not been uploaded yet. */
export const actionTypesSchema = z.record(
  actionUid,
  z
    .strictObject({
      actionTypeId: z.string().regex(/^\d+-\d+$/, 'HubSpot action type id, e.g. 1-2345678'),
      actionTypeVersion: z.number().int().nonnegative(),
    })
    .nullable(),
);
export type ActionTypes = z.infer<typeof actionTypesSchema>;

/** The uids of Harbor actions a definition uses, in order of first use. */
export function harborActionUids(body: WorkflowBody): string[] {
  const uids = new Set<string>();
  for (const action of body.actions) {
    const typeId = (action as { actionTypeId?: unknown }).actionTypeId;
    if (typeof typeId === 'string' && typeId.startsWith(harborActionPrefix))
      uids.add(typeId.slice(harborActionPrefix.length));
  }
  return [...uids];
}
