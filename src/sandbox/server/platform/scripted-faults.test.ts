import { afterEach, describe, expect, it } from 'vitest';

import { startSandbox, type RunningSandbox } from '../../start-sandbox.ts';
import { buildFixtureStore } from './testing-fixtures.ts';

const opened: RunningSandbox[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((sandbox) => sandbox.close()));
});

async function start(): Promise<RunningSandbox> {
  const sandbox = await startSandbox({ port: 0, store: buildFixtureStore() });
  opened.push(sandbox);
  return sandbox;
}

async function script(sandbox: RunningSandbox, fault: Record<string, unknown>): Promise<Response> {
  return fetch(`${sandbox.baseUrl}/_sandbox/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fault),
  });
}

/** POST /crm/v3/objects/tasks; 'dropped' when the connection closed without an answer. */
async function createTask(
  sandbox: RunningSandbox,
  properties: Record<string, string>,
): Promise<number | 'dropped'> {
  try {
    const response = await fetch(`${sandbox.baseUrl}/crm/v3/objects/tasks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sandbox.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ properties }),
      signal: AbortSignal.timeout(2_000),
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 'dropped';
  }
}

const tasks = (sandbox: RunningSandbox): number => sandbox.sandbox.world.defaultPortal.tables.tasks.size;

describe('scripted faults', () => {
  it('when a create is failed with a 5xx after it was applied, then the client sees 502 and the task exists; the next create is normal', async () => {
    const sandbox = await start();
    await script(sandbox, { kind: '5xx-after-apply', method: 'POST', path: '/crm/v3/objects/tasks' });

    expect(await createTask(sandbox, { hs_task_subject: 'A', hs_timestamp: '0' })).toBe(502);
    expect(tasks(sandbox)).toBe(1);
    expect(await createTask(sandbox, { hs_task_subject: 'B', hs_timestamp: '0' })).toBe(201);
    expect(tasks(sandbox)).toBe(2);
  });

  it('when a create is dropped after it was applied, then no answer comes and the task exists', async () => {
    const sandbox = await start();
    await script(sandbox, { kind: 'drop-after-apply', path: '/crm/v3/objects/tasks' });

    expect(await createTask(sandbox, { hs_task_subject: 'A', hs_timestamp: '0' })).toBe('dropped');
    expect(tasks(sandbox)).toBe(1);
  });

  it('when a create is failed before it is applied, then nothing is created', async () => {
    const sandbox = await start();
    await script(sandbox, { kind: '5xx', path: '/crm/v3/objects/tasks', status: 503, times: 2 });

    expect(await createTask(sandbox, { hs_task_subject: 'A' })).toBe(503);
    expect(await createTask(sandbox, { hs_task_subject: 'A' })).toBe(503);
    expect(tasks(sandbox)).toBe(0);
    expect(await createTask(sandbox, { hs_task_subject: 'A' })).toBe(201);
  });

  it('when the aimed request is refused by the route itself, then its own answer goes out and the fault waits', async () => {
    const sandbox = await start();
    await script(sandbox, { kind: '5xx-after-apply', path: '/crm/v3/objects/tasks' });

    expect(await createTask(sandbox, { hs_object_id: '5' })).toBe(400);
    expect(await createTask(sandbox, { hs_task_subject: 'A' })).toBe(502);
    const listed = await fetch(`${sandbox.baseUrl}/_sandbox/faults`);
    expect(await listed.json()).toMatchObject({ results: [{ kind: '5xx-after-apply', hits: 1, times: 1 }] });
  });

  it('when a fault is malformed, then the admin endpoint refuses it with 400', async () => {
    const sandbox = await start();
    expect((await script(sandbox, { kind: 'explode', path: '/crm/v3/objects/tasks' })).status).toBe(400);
  });
});
