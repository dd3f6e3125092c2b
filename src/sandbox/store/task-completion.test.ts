import { describe, expect, it } from 'vitest';

import { SandboxStore } from './sandbox-store.ts';

describe('task completion', () => {
  it('when a task is set to COMPLETED, then HubSpot stamps hs_task_completion_date, and reopening it clears the date', () => {
    const store = new SandboxStore(1);
    const task = store.createRecord('tasks', { hs_task_status: 'NOT_STARTED' }, 1_000);
    store.updateRecord('tasks', task.id, { hs_task_status: 'COMPLETED' }, 5_000);
    const completedAt = store.tables.tasks.get(task.id)?.properties.hs_task_completion_date;
    store.updateRecord('tasks', task.id, { hs_task_status: 'IN_PROGRESS' }, 9_000);

    expect(completedAt).toBe(new Date(5_000).toISOString());
    expect(store.tables.tasks.get(task.id)?.properties.hs_task_completion_date).toBe('');
  });

  it('when a task is created completed, then it is stamped at once; other types are left alone', () => {
    const store = new SandboxStore(1);
    const task = store.createRecord('tasks', { hs_task_status: 'COMPLETED' }, 2_000);
    const ticket = store.createRecord('tickets', { hs_task_status: 'COMPLETED' }, 2_000);

    expect(task.properties.hs_task_completion_date).toBe(new Date(2_000).toISOString());
    expect(ticket.properties.hs_task_completion_date).toBeUndefined();
  });
});
