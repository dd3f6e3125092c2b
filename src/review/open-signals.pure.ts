import { openSignalsMax, signalSeverities, type OpenSignalsWire, type SignalWire } from '@harbor/wire';

const severityRank = (signal: SignalWire): number => signalSeverities.indexOf(signal.severity);

/**
 * The home page's open signals: the most severe first, then the oldest, capped (the page sorts and filters
 * what it gets; the cap keeps the answer within hubspot.fetch's 1 MB). Names that are not known stay null.
 */
export function buildOpenSignals(
  signals: readonly SignalWire[],
  names: { companies: ReadonlyMap<string, string>; owners: ReadonlyMap<string, string> },
  now: number,
): OpenSignalsWire {
  const sorted = [...signals].sort(
    (a, b) =>
      severityRank(b) - severityRank(a) || Date.parse(a.openedAt) - Date.parse(b.openedAt) || a.id - b.id,
  );
  return {
    generatedAt: new Date(now).toISOString(),
    rows: sorted.slice(0, openSignalsMax).map((signal) => ({
      signal,
      companyName: names.companies.get(signal.companyId) ?? null,
      ownerName: signal.ownerId === null ? null : (names.owners.get(signal.ownerId) ?? null),
    })),
    total: signals.length,
  };
}
