import { describe, expect, it } from 'vitest';

import type { CompanyHealthInputs, TicketFact } from '../health-types.ts';
import { defaultHealthModel } from '../model/default-health-model.ts';
import type { IndicatorReading } from './indicator-reading.ts';
import { supportIndicators } from './support-indicators.pure.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const NOW = Date.UTC(2026, 5, 15, 12);
const hoursAgo = (hours: number): number => NOW - hours * HOUR_MS;
const daysAgo = (days: number): number => NOW - days * DAY_MS;

/** A ticket opened `openedDaysAgo` days before NOW and closed `hoursToClose` hours later (open if undefined). */
function ticket(
  openedDaysAgo: number,
  hoursToClose: number | undefined,
  priority?: string,
  escalated = false,
): TicketFact {
  const createdAt = daysAgo(openedDaysAgo);
  const fact: TicketFact = { createdAt, escalated };
  if (hoursToClose !== undefined) fact.closedAt = createdAt + hoursToClose * HOUR_MS;
  if (priority !== undefined) fact.priority = priority;
  return fact;
}

// Default model: look-back 90 days; SLA hours URGENT 8, HIGH 24, MEDIUM 72, LOW 120, default 72;
// urgent = URGENT or HIGH. Rows read: case, expected value, expected points, tickets.
function support(tickets: readonly TicketFact[]): Record<string, IndicatorReading> {
  const inputs: CompanyHealthInputs = { companyId: '1', properties: {}, tickets, feedback: [] };
  const readings = supportIndicators({ inputs, model: defaultHealthModel, now: NOW });
  return Object.fromEntries(readings.map((reading) => [reading.id, reading]));
}

type Row = [string, number, number, TicketFact[]];

describe('support: open tickets at now (curve [0,100] [1,75] [2,50] [4,15] [6,0])', () => {
  it.each<Row>([
    ['no tickets', 0, 100, []],
    ['two open, one closed', 2, 50, [ticket(1, undefined), ticket(2, undefined), ticket(3, 5)]],
    ['one created after now (ignored)', 0, 100, [{ createdAt: NOW + HOUR_MS, escalated: false }]],
    [
      'one closed after now (still open then)',
      1,
      75,
      [{ createdAt: daysAgo(2), closedAt: NOW + 1, escalated: false }],
    ],
    ['one closed exactly at now', 0, 100, [{ createdAt: daysAgo(2), closedAt: NOW, escalated: false }]],
    [
      'three open since before the look-back',
      3,
      32.5,
      [ticket(200, undefined), ticket(150, undefined), ticket(100, undefined)],
    ],
    ['seven open', 7, 0, Array.from({ length: 7 }, () => ticket(1, undefined))],
  ])('when %s, then %d open give %d points', (_case, open, points, tickets) => {
    const reading = support(tickets).open_tickets;
    expect(reading?.value).toBe(open);
    expect(reading?.points).toBe(points);
  });

  it('when open tickets are urgent or high, then the detail counts them', () => {
    const tickets = [
      ticket(1, undefined, 'URGENT'),
      ticket(1, undefined, 'HIGH'),
      ticket(1, undefined, 'LOW'),
    ];
    expect(support(tickets).open_tickets?.detail).toEqual({ urgent: 2 });
  });
});

describe('support: urgent/high share of tickets created in the look-back (curve [0,100] [0.2,75] [0.4,40] [0.7,0])', () => {
  // case, share, points, tickets counted, tickets
  it.each<[string, number, number, number, TicketFact[]]>([
    [
      '1 urgent of 5',
      0.2,
      75,
      5,
      [ticket(10, 24, 'URGENT'), ...Array.from({ length: 4 }, () => ticket(20, 24, 'LOW'))],
    ],
    // 0.5: 40 − (0.1 / 0.3) × 40
    [
      'urgent + high of 4',
      0.5,
      26.667,
      4,
      [ticket(10, 2, 'URGENT'), ticket(10, 2, 'HIGH'), ticket(5, 2, 'LOW'), ticket(5, 2)],
    ],
    ['an urgent one outside the look-back', 0, 100, 1, [ticket(100, 2, 'URGENT'), ticket(10, 2, 'LOW')]],
    // 1/3 rounds to 0.333: 75 − (0.133 / 0.2) × 35
    [
      '1 high of 3',
      0.333,
      51.725,
      3,
      [ticket(1, undefined, 'HIGH'), ticket(2, 1, 'LOW'), ticket(3, 1, 'MEDIUM')],
    ],
    [
      'an urgent one created after now',
      0,
      100,
      1,
      [{ createdAt: NOW + 1, priority: 'URGENT', escalated: false }, ticket(1, 1, 'LOW')],
    ],
  ])('when %s, then share %d gives %d points', (_case, share, points, counted, tickets) => {
    const reading = support(tickets).urgent_share;
    expect(reading?.value).toBe(share);
    expect(reading?.points).toBeCloseTo(points, 3);
    expect(reading?.detail).toEqual({ tickets: counted });
  });

  it('when no ticket was created in the look-back, then the share is missing', () => {
    expect(support([ticket(120, 5, 'URGENT')]).urgent_share?.points).toBeNull();
  });
});

describe('support: median time to close against the SLA (curve [0.5,100] [1,80] [2,40] [3,0])', () => {
  it.each<Row>([
    // ratio = hours to close / SLA hours of the ticket's priority
    [
      'MEDIUM in 36 h (0.5), HIGH in 24 h (1), LOW in 240 h (2)',
      1,
      80,
      [ticket(10, 36, 'MEDIUM'), ticket(10, 24, 'HIGH'), ticket(10, 240, 'LOW')],
    ],
    [
      'MEDIUM in 36 h (0.5) and in 144 h (2): median of two',
      1.25,
      70,
      [ticket(10, 36, 'MEDIUM'), ticket(10, 144, 'MEDIUM')],
    ],
    ['no priority: default 72 h', 1, 80, [ticket(10, 72)]],
    ['an unknown priority: default 72 h', 2, 40, [ticket(10, 144, 'P1')]],
    ['URGENT in 2 h', 0.25, 100, [ticket(10, 2, 'URGENT')]],
    ['created before the look-back, closed inside it', 2, 40, [ticket(95, 10 * 24, 'LOW')]],
    // an open ticket counts once past its SLA, at its age so far
    [
      'URGENT open for 16 h (8 h SLA)',
      2,
      40,
      [{ createdAt: hoursAgo(16), priority: 'URGENT', escalated: false }],
    ],
    [
      'HIGH closed after now, 48 h old (24 h SLA)',
      2,
      40,
      [{ createdAt: hoursAgo(48), closedAt: NOW + HOUR_MS, priority: 'HIGH', escalated: false }],
    ],
    [
      'open URGENT 24 h old (3) and LOW closed in 60 h (0.5)',
      1.75,
      50,
      [{ createdAt: hoursAgo(24), priority: 'URGENT', escalated: false }, ticket(10, 60, 'LOW')],
    ],
  ])('when %s, then ratio %d gives %d points', (_case, ratio, points, tickets) => {
    const reading = support(tickets).time_to_close_vs_sla;
    expect(reading?.value).toBe(ratio);
    expect(reading?.points).toBeCloseTo(points, 9);
  });

  it.each<[string, TicketFact[]]>([
    ['no tickets', []],
    [
      'an open URGENT ticket still inside its 8 h',
      [{ createdAt: hoursAgo(4), priority: 'URGENT', escalated: false }],
    ],
    ['a ticket closed before the look-back', [ticket(120, 24 * 10, 'LOW')]],
    ['a ticket created after now', [{ createdAt: NOW + 1, closedAt: NOW + 2, escalated: false }]],
  ])('when %s, then it is missing', (_case, tickets) => {
    expect(support(tickets).time_to_close_vs_sla?.points).toBeNull();
  });
});

describe('support: escalated tickets created in the look-back (curve [0,100] [1,60] [2,30] [4,0])', () => {
  it.each<Row>([
    ['none', 0, 100, [ticket(5, 1)]],
    ['one', 1, 60, [ticket(5, 1, 'LOW', true), ticket(5, 1)]],
    [
      'two, and one outside the look-back',
      2,
      30,
      [ticket(5, 1, 'LOW', true), ticket(80, undefined, 'HIGH', true), ticket(91, 1, 'LOW', true)],
    ],
    ['three', 3, 15, Array.from({ length: 3 }, () => ticket(1, 1, 'LOW', true))],
    ['one created after now', 0, 100, [{ createdAt: NOW + 1, escalated: true }]],
  ])('when %s, then %d escalated give %d points', (_case, count, points, tickets) => {
    const reading = support(tickets).escalated_tickets;
    expect(reading?.value).toBe(count);
    expect(reading?.points).toBe(points);
  });
});
