const DAY_MS = 86_400_000;

const isWeekend = (time: number): boolean => {
  const weekday = new Date(time).getUTCDay();
  return weekday === 0 || weekday === 6;
};

/**
 * `time` plus `days` business days (Monday to Friday, UTC; no public holidays): Friday 15:00 + 2 is Tuesday
 * 15:00. A weekend moment counts from the Monday after it at 00:00, so Saturday + 2 is Wednesday 00:00 (the
 * end of Tuesday).
 */
export function addBusinessDays(time: number, days: number): number {
  let moment = time;
  if (isWeekend(moment)) {
    while (isWeekend(moment)) moment = Math.floor(moment / DAY_MS) * DAY_MS + DAY_MS;
  }
  for (let added = 0; added < days; added += 1) {
    moment += DAY_MS;
    while (isWeekend(moment)) moment += DAY_MS;
  }
  return moment;
}
