import type { SignalWire } from '@harbor/wire';
import { describe, expect, it, vi } from 'vitest';

import { createCapturingLogger } from '../../../test/support/capturing-logger.ts';
import { executeCommand } from '../dispatch.ts';
import { signalsCommand, type SignalsCommandDeps } from './signals.command.ts';

const lateInvoice: SignalWire = {
  id: 12,
  companyId: '1001',
  type: 'late_payment',
  kind: 'risk',
  severity: 'high',
  status: 'open',
  evidence: [{ key: 'days_past_due', value: 40 }],
  ownerId: '77',
  action: { kind: 'task' },
  openedAt: '2026-11-20T09:00:00.000Z',
  dueAt: '2026-11-25T09:00:00.000Z',
  overdue: true,
  actionStartedAt: null,
  escalatedAt: '2026-11-25T10:00:00.000Z',
  snoozedUntil: null,
  closedAt: null,
  closeReason: null,
};

async function harbor(argv: readonly string[], overrides: Partial<SignalsCommandDeps> = {}) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const evaluate = vi.fn(() => Promise.resolve({ companies: 300, opened: 4, changed: 2, escalated: 1 }));
  const list = vi.fn(() => Promise.resolve([lateInvoice]));
  const deps: SignalsCommandDeps = {
    logger: createCapturingLogger().logger,
    listActivePortals: () => Promise.resolve([9000001]),
    evaluate,
    list,
    out: { write: (text: string) => stdout.push(text) },
    err: { write: (text: string) => stderr.push(text) },
    ...overrides,
  };
  const code = await executeCommand(signalsCommand, argv, { stdout: deps.out, stderr: deps.err }, () =>
    Promise.resolve({ deps, close: () => Promise.resolve() }),
  );
  return { code, evaluate, list, stdout: stdout.join(''), stderr: stderr.join('') };
}

describe('harbor signals', () => {
  it('when run, then each signal is a row with its company, type, status, owner, due day and evidence', async () => {
    const { code, stdout, evaluate, list } = await harbor([]);
    expect(code).toBe(0);
    expect(stdout).toContain('portal 9000001');
    expect(stdout).toMatch(
      /12\s+1001\s+risk:late_payment\s+high\s+open ESCALATED\s+77\s+2026-11-25\s+days_past_due=40/,
    );
    expect(list).toHaveBeenCalledWith(9000001, false);
    expect(evaluate).not.toHaveBeenCalled();
  });

  it('when --open --evaluate --json, then the rules run first (progress on stderr) and each signal is a JSON line', async () => {
    const { code, stdout, stderr, evaluate, list } = await harbor(['--open', '--evaluate', '--json']);
    expect(code).toBe(0);
    expect(evaluate).toHaveBeenCalledWith(9000001);
    expect(list).toHaveBeenCalledWith(9000001, true);
    expect(stderr).toContain('300 companies, 4 signals opened, 2 changed, 1 escalated');
    expect(JSON.parse(stdout.trim())).toMatchObject({ portalId: 9000001, id: 12, status: 'open' });
  });

  it('when the portal asked for is not installed, then it says which are and exits 1', async () => {
    const { code, stderr } = await harbor(['--portal', '42']);
    expect(code).toBe(1);
    expect(stderr).toContain('Portal 42 is not installed');
  });

  it('when a portal has no signals, then it says so instead of an empty table', async () => {
    const { stdout } = await harbor(['--open'], { list: () => Promise.resolve([]) });
    expect(stdout).toBe('portal 9000001: no active signals\n');
  });
});
