/** Digest months are UTC calendar months, YYYY-MM (docs/reports.md says why not the portal's zone). */

export function monthOf(at: number): string {
  return new Date(at).toISOString().slice(0, 7);
}

export function shiftMonth(month: string, by: number): string {
  const [year = 0, monthNumber = 1] = month.split('-').map(Number);
  return new Date(Date.UTC(year, monthNumber - 1 + by, 1)).toISOString().slice(0, 7);
}

/** The month a run on `now` builds: the last complete one. */
export function lastCompleteMonth(now: number): string {
  return shiftMonth(monthOf(now), -1);
}

export interface MonthBounds {
  /** First instant of the month and of the next one, in epoch ms. */
  fromMs: number;
  toMs: number;
  /** YYYY-MM-DD of the first day of the month and of the next one. */
  fromDay: string;
  toDay: string;
}

export function monthBounds(month: string): MonthBounds {
  const fromDay = `${month}-01`;
  const toDay = `${shiftMonth(month, 1)}-01`;
  return {
    fromMs: Date.parse(`${fromDay}T00:00:00Z`),
    toMs: Date.parse(`${toDay}T00:00:00Z`),
    fromDay,
    toDay,
  };
}
