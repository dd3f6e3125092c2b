import { describe, expect, it } from 'vitest';

import type { CompanyHealthInputs } from '../health-types.ts';
import { defaultHealthModel } from '../model/default-health-model.ts';
import { engagementIndicators } from './engagement-indicators.pure.ts';

const DAY_MS = 86_400_000;
const NOW = Date.UTC(2026, 5, 15, 12);
const iso = (daysAgo: number): string => new Date(NOW - daysAgo * DAY_MS).toISOString();

// Default mapping: notes_last_contacted → days_since_csm_touch, hs_last_booked_meeting_date →
// days_since_meeting, hs_last_sales_activity_timestamp → days_since_reply.
function engagement(properties: CompanyHealthInputs['properties']): Record<string, number | string | null> {
  const inputs: CompanyHealthInputs = { companyId: '1', properties, tickets: [], feedback: [] };
  const readings = engagementIndicators({ inputs, model: defaultHealthModel, now: NOW });
  return Object.fromEntries(
    readings.flatMap((r) => [
      [`${r.id}.value`, r.value],
      [`${r.id}.points`, r.points],
    ]),
  );
}

describe('engagement: days since the CSM touch (curve [7,100] [14,90] [30,65] [60,30] [90,0])', () => {
  it.each([
    [iso(0), 0, 100],
    [iso(7), 7, 100],
    [iso(14), 14, 90],
    [iso(22), 22, 77.5],
    [iso(45), 45, 47.5],
    [iso(120), 120, 0],
    ['2026-06-01', 14, 90], // a date: midnight UTC, 14.5 days → 14
    [String(NOW - 30 * DAY_MS), 30, 65], // epoch milliseconds
    [iso(-3), 0, 100], // a future touch reads as today
  ])('when the last touch is %s, then %d days give %d points', (raw, days, points) => {
    const result = engagement({ notes_last_contacted: raw });
    expect(result['days_since_csm_touch.value']).toBe(days);
    expect(result['days_since_csm_touch.points']).toBe(points);
  });
});

describe('engagement: days since the last meeting and the last reply', () => {
  it.each([
    // meeting curve [14,100] [30,85] [60,55] [120,15] [180,0]; reply curve [7,100] [14,85] [30,60] [60,25] [90,0]
    [5, 100, 100],
    [30, 85, 60],
    [45, 70, 42.5],
    [90, 35, 0],
    [200, 0, 0],
  ])('when both were %d days ago, then %d and %d points', (days, meetingPoints, replyPoints) => {
    const result = engagement({
      hs_last_booked_meeting_date: iso(days),
      hs_last_sales_activity_timestamp: iso(days),
    });
    expect(result['days_since_meeting.points']).toBe(meetingPoints);
    expect(result['days_since_reply.points']).toBe(replyPoints);
  });

  it('when no engagement property is set or readable, then all three are missing', () => {
    expect(engagement({ notes_last_contacted: '', hs_last_booked_meeting_date: 'soon' })).toEqual({
      'days_since_csm_touch.value': null,
      'days_since_csm_touch.points': null,
      'days_since_meeting.value': null,
      'days_since_meeting.points': null,
      'days_since_reply.value': null,
      'days_since_reply.points': null,
    });
  });
});
