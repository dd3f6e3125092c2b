/** Offset of `timeZone` from UTC at `at`, in ms (positive east of Greenwich). */
function zoneOffsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The calendar day containing `now` in `timeZone` (the portal's), as [from, to) instants. */
export function dayBounds(now: Date, timeZone: string): { from: Date; to: Date } {
  const offset = zoneOffsetMs(now, timeZone);
  const local = new Date(now.getTime() + offset);
  const localMidnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  // The offset at each midnight, not at `now`: a daylight-saving change inside the day moves one of them.
  const from = localMidnight - zoneOffsetMs(new Date(localMidnight - offset), timeZone);
  const nextMidnight = localMidnight + 86_400_000;
  const to = nextMidnight - zoneOffsetMs(new Date(nextMidnight - offset), timeZone);
  return { from: new Date(from), to: new Date(to) };
}
