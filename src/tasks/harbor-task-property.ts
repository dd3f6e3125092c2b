import { harborPropertyEnsurer } from '../hubspot/harbor-property.ts';
import type { PropertyCreateInput } from '../hubspot/properties.ts';

/**
 * Where a task carries its Harbor key. HubSpot tasks take custom properties: the properties API is keyed by
 * any object type (tasks, 0-27), and the tasks API reads, updates and upserts tasks by "unique property
 * values" (`idProperty`, crm-tasks-v3.json), which only custom properties can be. Searching it with EQ finds
 * a task whose create answer was lost. docs/tasks.md has the evidence and the alternatives.
 */
export const harborTaskKeyProperty = 'harbor_task_key';

export const harborTaskPropertyGroup = { name: 'harbor', label: 'Harbor' } as const;

export const harborTaskKeyDefinition: PropertyCreateInput = {
  name: harborTaskKeyProperty,
  label: 'Harbor task key',
  type: 'string',
  fieldType: 'text',
  groupName: harborTaskPropertyGroup.name,
  formField: false,
  description:
    'Set by Harbor on the tasks it creates: what the task is for (a playbook step or an escalation). Harbor ' +
    'uses it to never create the same task twice and to read its completion back. Do not edit it.',
};

/**
 * Creates the key property once per portal and process. A failure is not remembered, so the next call tries
 * again.
 */
export const ensureHarborTaskProperty = harborPropertyEnsurer({
  objectType: 'tasks',
  group: harborTaskPropertyGroup,
  definition: harborTaskKeyDefinition,
  writes: 'text',
  settingsPage: 'Task properties',
});
