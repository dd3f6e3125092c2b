import { weeklyReviewWire, type WeeklyReviewWire } from '@harbor/wire';
import { describe, expect, it, vi } from 'vitest';

import { createCapturingLogger } from '../../../test/support/capturing-logger.ts';
import { buildActionPlan } from '../../review/action-plans.pure.ts';
import { planFacts, runningPlaybook, signal } from '../../review/testing/review-fixtures.ts';
import { buildWeeklyReview } from '../../review/weekly-review.pure.ts';
import { AppError } from '../../shared/errors/app-error.ts';
import { executeCommand } from '../dispatch.ts';
import { reviewCommand, type ReviewCommandDeps } from './review.command.ts';

const now = Date.parse('2026-11-24T12:00:00.000Z');

function sampleReview(): WeeklyReviewWire {
  const escalated = signal({
    id: 12,
    escalatedAt: '2026-11-25T10:00:00.000Z',
    dueAt: '2026-11-25T09:00:00.000Z',
  });
  const plans = [
    buildActionPlan(planFacts({ signals: [escalated], playbooks: [runningPlaybook()] }), now),
    buildActionPlan(
      planFacts({
        companyId: '2003',
        companyName: 'Gamma Tools',
        tier: 'healthy',
        score: 88,
        lastReviewedAt: now - 86_400_000,
        signals: [signal({ id: 13, companyId: '2003', type: 'expansion', kind: 'opportunity' })],
      }),
      now,
    ),
  ].filter((plan) => plan !== null);
  return buildWeeklyReview({ plans, signals: [escalated], lastReviewTasksAt: null }, now);
}

async function harbor(argv: readonly string[], overrides: Partial<ReviewCommandDeps> = {}) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const review = vi.fn(() => Promise.resolve(sampleReview()));
  const deps: ReviewCommandDeps = {
    logger: createCapturingLogger().logger,
    listActivePortals: () => Promise.resolve([9000001, 9000002]),
    review,
    out: { write: (text: string) => stdout.push(text) },
    err: { write: (text: string) => stderr.push(text) },
    ...overrides,
  };
  const code = await executeCommand(reviewCommand, argv, { stdout: deps.out, stderr: deps.err }, () =>
    Promise.resolve({ deps, close: () => Promise.resolve() }),
  );
  return { code, review, stdout: stdout.join(''), stderr: stderr.join('') };
}

describe('harbor review', () => {
  it('when run for a portal, then the escalated risk comes first, then the owner’s plans with their next step and STALE flag', async () => {
    const { code, stdout, review } = await harbor(['--portal', '9000001']);
    expect(code).toBe(0);
    expect(review).toHaveBeenCalledWith(9000001);
    const escalatedAt = stdout.indexOf('Escalated risks');
    const ownerAt = stdout.indexOf('Casey Moss (501): 1 at risk, 1 expansion, 1 stale, 1 escalated');
    expect(escalatedAt).toBeGreaterThan(-1);
    expect(ownerAt).toBeGreaterThan(escalatedAt);
    expect(stdout).toMatch(/12\s+2001\s+late_payment\s+high\s+501\s+2026-11-25\s+2026-11-25/);
    expect(stdout).toMatch(
      /2001\s+Acme Logistics\s+at_risk\s+at_risk\s+24\s+late_payment\s+risk 1\/3\s+Agree a recovery plan \(2026-11-26\)\s+-\s+STALE/,
    );
    expect(stdout).toMatch(
      /2003\s+Gamma Tools\s+expansion\s+healthy\s+88\s+expansion\s+-\s+-\s+2026-11-23\n/,
    );
  });

  it('when --json, then each portal is one line whose review is the GET /api/review answer', async () => {
    const { code, stdout } = await harbor(['--json']);
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { portalId: number; review: unknown });
    expect(lines.map((line) => line.portalId)).toEqual([9000001, 9000002]);
    expect(weeklyReviewWire.parse(lines[0]?.review)).toEqual(sampleReview());
  });

  it('when a portal has no plans, then it says so; when one fails, the others still print and it exits 1', async () => {
    const empty = buildWeeklyReview({ plans: [], signals: [], lastReviewTasksAt: null }, now);
    const { code, stdout, stderr } = await harbor([], {
      review: (portalId) =>
        portalId === 9000001
          ? Promise.reject(new AppError('HUBSPOT_UNAVAILABLE', 'HubSpot is down'))
          : Promise.resolve(empty),
    });
    expect(code).toBe(1);
    expect(stderr).toContain('portal 9000001:');
    expect(stdout).toContain('portal 9000002: weekly review as of 2026-11-24T12:00:00.000Z');
    expect(stdout).toContain('No account is at risk or expanding: no plan to review.');
  });

  it('when the portal asked for is not installed, then it says which are and exits 1', async () => {
    const { code, stderr } = await harbor(['--portal', '42']);
    expect(code).toBe(1);
    expect(stderr).toContain('Portal 42 is not installed');
  });
});
