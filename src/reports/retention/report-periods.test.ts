import { describe, expect, it } from 'vitest';

import { isAppError } from '../../shared/errors/app-error.ts';
import { reportPeriodsFor } from './report-periods.pure.ts';

const now = new Date('2026-02-15T12:00:00.000Z');
const days = (periods: ReturnType<typeof reportPeriodsFor>) =>
  periods.map((period) => `${period.startDay}..${period.endDay}${period.complete ? '' : '*'}`);

describe('the periods of a report', () => {
  it('when no window is given, then the 12 months end with the current, open one', () => {
    const months = reportPeriodsFor('month', {}, now);
    expect(months).toHaveLength(12);
    expect(days(months)[0]).toBe('2025-03-01..2025-03-31');
    expect(days(months).at(-1)).toBe('2026-02-01..2026-02-28*');
  });

  it('when from and to cut into periods, then the whole periods they touch are reported', () => {
    expect(days(reportPeriodsFor('quarter', { from: '2025-02-10', to: '2025-07-01' }, now))).toEqual([
      '2025-01-01..2025-03-31',
      '2025-04-01..2025-06-30',
      '2025-07-01..2025-09-30',
    ]);
    expect(days(reportPeriodsFor('year', { from: '2024-12-31', to: '2030-01-01' }, now))).toEqual([
      '2024-01-01..2024-12-31',
      '2025-01-01..2025-12-31',
      '2026-01-01..2026-12-31*',
    ]);
  });

  it('when only the end is given, then the 12 periods up to it are reported', () => {
    const quarters = reportPeriodsFor('quarter', { to: '2024-05-05' }, now);
    expect(days(quarters)[0]).toBe('2021-07-01..2021-09-30');
    expect(days(quarters).at(-1)).toBe('2024-04-01..2024-06-30');
  });

  it('when the window starts after today, then there is nothing to measure', () => {
    expect(reportPeriodsFor('month', { from: '2026-06-01' }, now)).toEqual([]);
  });

  it('when a window holds more than 240 periods, then it is refused as a bad request', () => {
    let caught: unknown;
    try {
      reportPeriodsFor('month', { from: '1990-01-01' }, now);
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught) && caught.code === 'VALIDATION_FAILED').toBe(true);
  });
});
