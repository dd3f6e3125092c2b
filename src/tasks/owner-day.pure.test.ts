import { describe, expect, it } from 'vitest';

import { dayBounds } from './owner-day.pure.ts';

describe('dayBounds', () => {
  it('when the zone is UTC, then the day runs midnight to midnight UTC', () => {
    expect(dayBounds(new Date('2026-12-03T14:15:00Z'), 'UTC')).toEqual({
      from: new Date('2026-12-03T00:00:00Z'),
      to: new Date('2026-12-04T00:00:00Z'),
    });
  });

  it('when it is already tomorrow in UTC but still today in São Paulo, then the São Paulo day is used', () => {
    expect(dayBounds(new Date('2026-12-04T01:30:00Z'), 'America/Sao_Paulo')).toEqual({
      from: new Date('2026-12-03T03:00:00Z'),
      to: new Date('2026-12-04T03:00:00Z'),
    });
  });

  it('when clocks go forward during the day, then the day is 23 hours long', () => {
    expect(dayBounds(new Date('2026-03-29T12:00:00Z'), 'Europe/Berlin')).toEqual({
      from: new Date('2026-03-28T23:00:00Z'),
      to: new Date('2026-03-29T22:00:00Z'),
    });
  });
});
