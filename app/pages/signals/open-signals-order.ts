import { signalSeverities, type OpenSignalRowWire } from '@harbor/wire';

export type SignalOrder = 'age' | 'severity' | 'owner';

/** The owner filter: everyone, nobody's (no owner), or one owner's id. */
export type OwnerFilter = { kind: 'all' } | { kind: 'none' } | { kind: 'owner'; ownerId: string };

const opened = (row: OpenSignalRowWire) => Date.parse(row.signal.openedAt);
const severity = (row: OpenSignalRowWire) => signalSeverities.indexOf(row.signal.severity);
const ownerKey = (row: OpenSignalRowWire) => row.ownerName ?? row.signal.ownerId ?? '\uffff';

const comparators: Record<SignalOrder, (a: OpenSignalRowWire, b: OpenSignalRowWire) => number> = {
  age: (a, b) => opened(a) - opened(b) || severity(b) - severity(a),
  severity: (a, b) => severity(b) - severity(a) || opened(a) - opened(b),
  // Unowned signals last: nobody will see them in their own list.
  owner: (a, b) =>
    ownerKey(a).localeCompare(ownerKey(b)) || severity(b) - severity(a) || opened(a) - opened(b),
};

/** The rows the page shows: those of the chosen owner, in the chosen order (ties by signal id). */
export function orderSignals(
  rows: readonly OpenSignalRowWire[],
  order: SignalOrder,
  owner: OwnerFilter,
): OpenSignalRowWire[] {
  const kept = rows.filter((row) =>
    owner.kind === 'all'
      ? true
      : owner.kind === 'none'
        ? row.signal.ownerId === null
        : row.signal.ownerId === owner.ownerId,
  );
  return kept.sort((a, b) => comparators[order](a, b) || a.signal.id - b.signal.id);
}

/** The owners of the rows, by name, for the filter (with "no owner" when some signal has none). */
export function ownersOf(rows: readonly OpenSignalRowWire[]): { ownerId: string; name: string }[] {
  const owners = new Map<string, string>();
  for (const row of rows)
    if (row.signal.ownerId !== null) owners.set(row.signal.ownerId, row.ownerName ?? row.signal.ownerId);
  return [...owners]
    .map(([ownerId, name]) => ({ ownerId, name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
