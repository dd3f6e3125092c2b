import { describe, expect, it, vi } from 'vitest';

import { createCapturingLogger } from '../../../test/support/capturing-logger.ts';
import type { InstallOutcome, WorkflowStatus } from '../../workflows/workflow-service.ts';
import { executeCommand } from '../dispatch.ts';
import { workflowsCommand, type WorkflowsCommandDeps } from './workflows.command.ts';

const statuses: WorkflowStatus[] = [
  {
    key: 'at-risk-tier',
    name: 'Harbor: tier became at risk',
    description: 'start the risk playbook',
    state: 'enabled',
    flowId: '1000001',
    drift: [],
    unresolvedActions: [],
  },
  {
    key: 'renewal-in-90-days',
    name: 'Harbor: renewal in 90 days',
    description: 'start the renewal playbook',
    state: 'drifted',
    flowId: '1000002',
    drift: ['actions[0].fields.playbook.staticValue'],
    unresolvedActions: [],
  },
  {
    key: 'expansion-signal',
    name: 'Harbor: expansion signal',
    description: 'start the expansion playbook',
    state: 'missing',
    flowId: null,
    drift: [],
    unresolvedActions: [],
  },
];

async function harbor(argv: readonly string[], overrides: Partial<WorkflowsCommandDeps> = {}) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const install = vi.fn((): Promise<InstallOutcome[]> =>
    Promise.resolve([
      { key: 'at-risk-tier', name: 'Harbor: tier became at risk', outcome: 'exists', flowId: '1000001' },
      { key: 'expansion-signal', name: 'Harbor: expansion signal', outcome: 'created', flowId: '1000003' },
    ]),
  );
  const deps: WorkflowsCommandDeps = {
    logger: createCapturingLogger().logger,
    listActivePortals: () => Promise.resolve([9000001, 9000002]),
    status: () => Promise.resolve(statuses),
    install,
    catalogProblems: [],
    out: { write: (text: string) => stdout.push(text) },
    err: { write: (text: string) => stderr.push(text) },
    ...overrides,
  };
  const code = await executeCommand(workflowsCommand, argv, { stdout: deps.out, stderr: deps.err }, () =>
    Promise.resolve({ deps, close: () => Promise.resolve() }),
  );
  return { code, install, stdout: stdout.join(''), stderr: stderr.join('') };
}

describe('harbor workflows', () => {
  it('when listed for one portal, then each shipped workflow shows its state and HubSpot id', async () => {
    const { code, stdout } = await harbor(['list', '--portal', '9000002']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^portal 9000002\n/);
    expect(stdout).toMatch(/at-risk-tier\s+Harbor: tier became at risk\s+enabled\s+1000001/);
    expect(stdout).toMatch(/expansion-signal\s+Harbor: expansion signal\s+missing\s+-/);
  });

  it('when diffed, then a drifted workflow names the fields changed in HubSpot', async () => {
    const { code, stdout } = await harbor(['diff', '--portal', '9000001']);
    expect(code).toBe(0);
    expect(stdout).toContain(
      'renewal-in-90-days: changed in HubSpot at\n    actions[0].fields.playbook.staticValue',
    );
    expect(stdout).toContain('at-risk-tier: as shipped');
    expect(stdout).toContain('expansion-signal: not installed');
  });

  it('when installed without --portal, then every installed portal gets the workflows, and --json prints one line each', async () => {
    const { code, install, stdout } = await harbor(['install', '--json']);
    expect(code).toBe(0);
    expect(install.mock.calls).toEqual([[9000001], [9000002]]);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { portalId: number; outcome: string });
    expect(lines.map((line) => `${line.portalId}:${line.outcome}`)).toEqual([
      '9000001:exists',
      '9000001:created',
      '9000002:exists',
      '9000002:created',
    ]);
  });

  it('when Harbor’s action types are not known yet, then install says what to fill in and exits 1', async () => {
    const { code, stdout } = await harbor(['install', '--portal', '9000001'], {
      install: () =>
        Promise.resolve([
          {
            key: 'at-risk-tier',
            name: 'Harbor: tier became at risk',
            outcome: 'unresolved',
            missing: ['harbor_start_playbook'],
          },
        ]),
    });
    expect(code).toBe(1);
    expect(stdout).toContain(
      'harbor_start_playbook is neither listed by the portal for the app (HUBSPOT_APP_ID) nor in workflows/action-types.json',
    );
  });

  it('when the portal is not installed or the action is unknown, then nothing runs', async () => {
    expect((await harbor(['list', '--portal', '42'])).stderr).toContain('Portal 42 is not installed');
    const unknown = await harbor(['remove']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('say what to do');
  });
});
