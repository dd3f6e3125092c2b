import { describe, expect, it } from 'vitest';

import { buildActionPlan } from './action-plans.pure.ts';
import { planFacts, signal } from './testing/review-fixtures.ts';
import { buildWeeklyReview, dueReviewWeek, isoWeekOf, localClock } from './weekly-review.pure.ts';

const now = Date.parse('2026-11-24T12:00:00.000Z');
const daysAgo = (days: number) => now - days * 86_400_000;

function plan(overrides: Parameters<typeof planFacts>[0]) {
  const built = buildActionPlan(planFacts(overrides), now);
  if (built === null) throw new Error('the fixture needs a plan');
  return built;
}

const monday8 = { enabled: true, weekday: 'monday', hour: 8 } as const;

describe('the weekly review', () => {
  it('when risks escalated, then they top the review, oldest due first, and a risk whose action started is not among them', () => {
    const late = signal({
      id: 3,
      dueAt: '2026-11-10T09:00:00.000Z',
      escalatedAt: '2026-11-11T09:00:00.000Z',
    });
    const later = signal({
      id: 4,
      dueAt: '2026-11-15T09:00:00.000Z',
      escalatedAt: '2026-11-16T09:00:00.000Z',
    });
    const handled = signal({
      id: 5,
      escalatedAt: '2026-11-16T09:00:00.000Z',
      actionStartedAt: '2026-11-17T09:00:00.000Z',
    });
    const review = buildWeeklyReview(
      { plans: [], signals: [later, handled, signal({ id: 6 }), late], lastReviewTasksAt: null },
      now,
    );
    expect(review.escalated.map((s) => s.id)).toEqual([3, 4]);
    expect(review).toMatchObject({ generatedAt: '2026-11-24T12:00:00.000Z', lastReviewTasksAt: null });
  });

  it('when two owners have plans, then each sees their at-risk and expansion accounts, stale first, with their counts; unowned plans come last', () => {
    const escalated = signal({ escalatedAt: '2026-11-21T09:00:00.000Z', companyId: '2002' });
    const plans = [
      // Casey: Acme is current (reviewed 2 days ago), Beta is stale (at risk 14 days, untouched) and escalated.
      plan({ lastReviewedAt: daysAgo(2) }),
      plan({ companyId: '2002', companyName: 'Beta Foods', score: 40, signals: [escalated] }),
      plan({
        companyId: '2003',
        companyName: 'Gamma Tools',
        tier: 'healthy',
        signals: [signal({ type: 'expansion', kind: 'opportunity', openedAt: '2026-11-22T09:00:00.000Z' })],
      }),
      // Ana (sorted before Casey by name).
      plan({
        companyId: '2004',
        companyName: 'Delta',
        ownerId: '502',
        ownerName: 'Ana Lima',
        lastPersonEventAt: daysAgo(1),
      }),
      plan({ companyId: '2005', companyName: 'Echo', ownerId: null, ownerName: null }),
    ];

    const review = buildWeeklyReview({ plans, signals: [escalated], lastReviewTasksAt: daysAgo(7) }, now);

    expect(
      review.owners.map((owner) => ({
        owner: owner.ownerName,
        atRisk: owner.atRisk.map((p) => p.companyName),
        expansion: owner.expansion.map((p) => p.companyName),
        stale: owner.stalePlans,
        escalated: owner.escalatedSignals,
      })),
    ).toEqual([
      { owner: 'Ana Lima', atRisk: ['Delta'], expansion: [], stale: 0, escalated: 0 },
      {
        owner: 'Casey Moss',
        atRisk: ['Beta Foods', 'Acme Logistics'],
        expansion: ['Gamma Tools'],
        stale: 1,
        escalated: 1,
      },
      { owner: null, atRisk: ['Echo'], expansion: [], stale: 1, escalated: 0 },
    ]);
    expect(review.lastReviewTasksAt).toBe('2026-11-17T12:00:00.000Z');
  });

  it('when the ISO week is asked of days around the new year, then weeks start on Monday and week 1 holds the first Thursday', () => {
    expect(isoWeekOf({ year: 2026, month: 11, day: 24 })).toBe('2026-W48');
    expect(isoWeekOf({ year: 2026, month: 11, day: 23 })).toBe('2026-W48');
    expect(isoWeekOf({ year: 2026, month: 11, day: 22 })).toBe('2026-W47');
    expect(isoWeekOf({ year: 2026, month: 12, day: 31 })).toBe('2026-W53');
    expect(isoWeekOf({ year: 2027, month: 1, day: 3 })).toBe('2026-W53');
    expect(isoWeekOf({ year: 2027, month: 1, day: 4 })).toBe('2027-W01');
    expect(isoWeekOf({ year: 2025, month: 12, day: 29 })).toBe('2026-W01');
  });

  it('when Monday 8:00 comes in São Paulo, then the review is due there (11:00 UTC), not an hour before, and stays due all week', () => {
    const zone = 'America/Sao_Paulo';
    // Monday 23 Nov 2026, 07:59 in São Paulo (UTC−3).
    expect(dueReviewWeek(Date.parse('2026-11-23T10:59:00.000Z'), zone, monday8)).toBeNull();
    expect(dueReviewWeek(Date.parse('2026-11-23T11:00:00.000Z'), zone, monday8)).toBe('2026-W48');
    expect(dueReviewWeek(Date.parse('2026-11-27T20:00:00.000Z'), zone, monday8)).toBe('2026-W48');
    // Sunday night 23:30 there is already Monday 02:30 UTC: still last week's, and Monday's hour not come.
    expect(dueReviewWeek(Date.parse('2026-11-30T02:30:00.000Z'), zone, monday8)).toBe('2026-W48');
    expect(dueReviewWeek(Date.parse('2026-11-30T11:00:00.000Z'), zone, monday8)).toBe('2026-W49');
  });

  it('when the review is off or set for Friday, then Monday has no review due; an unknown zone is read as UTC', () => {
    const monday = Date.parse('2026-11-23T12:00:00.000Z');
    expect(dueReviewWeek(monday, 'UTC', { ...monday8, enabled: false })).toBeNull();
    expect(dueReviewWeek(monday, 'UTC', { ...monday8, weekday: 'friday' })).toBeNull();
    expect(localClock(monday, 'Not/AZone')).toEqual({ year: 2026, month: 11, day: 23, weekday: 0, hour: 12 });
    expect(dueReviewWeek(monday, null, monday8)).toBe('2026-W48');
  });
});
