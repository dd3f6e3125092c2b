import type { PlaybookRunWire } from '@harbor/wire';
import { describe, expect, it, vi } from 'vitest';

import { createCapturingLogger } from '../../../test/support/capturing-logger.ts';
import { executeCommand } from '../dispatch.ts';
import { playbooksCommand, type PlaybooksCommandDeps } from './playbooks.command.ts';

const renewal: PlaybookRunWire = {
  id: 7,
  companyId: '1001',
  playbook: 'renewal',
  status: 'running',
  signalId: 12,
  startedBy: 'harbor:automation',
  startedAt: '2026-11-20T09:00:00.000Z',
  completedSteps: 1,
  steps: [
    {
      index: 0,
      title: 'Account review',
      status: 'completed',
      ownerId: '77',
      dueAt: '2026-11-27T09:00:00.000Z',
      completedAt: '2026-11-24T09:00:00.000Z',
      hubspotTaskId: '501',
    },
    {
      index: 1,
      title: 'Value summary',
      status: 'open',
      ownerId: '77',
      dueAt: '2026-12-08T09:00:00.000Z',
      completedAt: null,
      hubspotTaskId: '502',
    },
    {
      index: 2,
      title: 'Renewal conversation',
      status: 'pending',
      ownerId: null,
      dueAt: null,
      completedAt: null,
      hubspotTaskId: null,
    },
  ],
  snoozedUntil: null,
  endedAt: null,
  cancelReason: null,
};

async function harbor(argv: readonly string[], overrides: Partial<PlaybooksCommandDeps> = {}) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const list = vi.fn(() => Promise.resolve([renewal]));
  const start = vi.fn(() => Promise.resolve({ run: renewal, created: true }));
  const deps: PlaybooksCommandDeps = {
    logger: createCapturingLogger().logger,
    listActivePortals: () => Promise.resolve([9000001]),
    list,
    start,
    out: { write: (text: string) => stdout.push(text) },
    err: { write: (text: string) => stderr.push(text) },
    ...overrides,
  };
  const code = await executeCommand(playbooksCommand, argv, { stdout: deps.out, stderr: deps.err }, () =>
    Promise.resolve({ deps, close: () => Promise.resolve() }),
  );
  return { code, list, start, stdout: stdout.join(''), stderr: stderr.join('') };
}

describe('harbor playbooks', () => {
  it('when listed, then each run shows its progress and the step being worked on with its due day', async () => {
    const { code, stdout, list } = await harbor(['list']);
    expect(code).toBe(0);
    expect(list).toHaveBeenCalledWith(9000001, undefined);
    expect(stdout).toMatch(/7\s+1001\s+renewal\s+running\s+1\/3 \[x>\.\]\s+Value summary \(due 2026-12-08\)/);
  });

  it('when a playbook is started, then it is started for that company and the run is printed', async () => {
    const { code, start, stderr } = await harbor([
      'start',
      '--company',
      '1001',
      '--playbook',
      'renewal',
      '--json',
    ]);
    expect(code).toBe(0);
    expect(start).toHaveBeenCalledWith(9000001, '1001', 'renewal');
    expect(stderr).toContain('started the renewal playbook for company 1001 (run 7)');
  });

  it('when start lacks a valid playbook or company, then it says what is wrong, with the help, and starts nothing', async () => {
    const missing = await harbor(['start', '--company', '1001', '--playbook', 'party']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--playbook: one of onboarding');
    expect(missing.start).not.toHaveBeenCalled();
    const noAction = await harbor(['--company', '1001']);
    expect(noAction.code).toBe(2);
    expect(noAction.stderr).toContain('"playbooks list" or "playbooks start"');
  });
});
