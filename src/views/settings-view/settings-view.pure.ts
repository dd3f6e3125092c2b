import {
  calibrationReportWire,
  componentWeights,
  historyChangeLimit,
  settingsOptionLimit,
  settingsPropertyLimit,
  type ModelChangeWire,
  type SettingsPropertyWire,
  type SettingsProposalWire,
} from '@harbor/wire';

/** A HubSpot property definition, as much of it as the settings page needs. */
export interface CompanyPropertyDefinition {
  name: string;
  label: string;
  type: string;
  hidden: boolean;
  options: readonly { label: string; value: string; hidden: boolean }[];
}

/**
 * Bytes the property list may take in the settings view. The largest model a portal can store is about
 * 510 kB and the view also carries history and proposals, so the properties get what is left below
 * hubspot.fetch's 1 MB with room to spare.
 */
export const propertyBudgetBytes = 120_000;

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * The portal's company properties to choose from: visible ones, by label, options of enumerations, cut at
 * the byte budget (a portal with thousands of options would otherwise outgrow the answer).
 */
export function fitCompanyProperties(
  definitions: readonly CompanyPropertyDefinition[],
  budgetBytes = propertyBudgetBytes,
): { properties: SettingsPropertyWire[]; truncated: boolean } {
  const visible = definitions
    .filter((definition) => !definition.hidden)
    .sort((a, b) => a.label.localeCompare(b.label, 'en') || a.name.localeCompare(b.name, 'en'));
  const properties: SettingsPropertyWire[] = [];
  let bytes = 0;
  for (const definition of visible) {
    const options = definition.options
      .filter((option) => !option.hidden)
      .slice(0, settingsOptionLimit)
      .map((option) => ({ label: clip(option.label, 200), value: clip(option.value, 200) }));
    const property = {
      name: clip(definition.name, 100),
      label: clip(definition.label === '' ? definition.name : definition.label, 200),
      type: clip(definition.type, 40),
      options,
    };
    const size = Buffer.byteLength(JSON.stringify(property));
    if (properties.length >= settingsPropertyLimit || bytes + size > budgetBytes)
      return { properties, truncated: true };
    properties.push(property);
    bytes += size;
  }
  return { properties, truncated: false };
}

/** When HubSpot cannot be asked: the properties the model already reads, so the page still shows them. */
export function propertiesInUse(names: readonly string[]): SettingsPropertyWire[] {
  return [...new Set(names)].sort().map((name) => ({ name, label: name, type: 'unknown', options: [] }));
}

/** Per object type at most this many names (settings are admin input, the answer must stay small). */
const mappedPerType = 100;

export function capMappedProperties(
  mapped: Readonly<Partial<Record<string, readonly string[]>>>,
): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(mapped)
      .filter((entry): entry is [string, readonly string[]] => entry[1] !== undefined)
      .map(([type, names]) => [type, [...new Set(names)].sort().slice(0, mappedPerType)]),
  );
}

/** The name of the HubSpot user behind an actor, when the portal's owners list them (cut to 200 characters). */
export function actorName(actor: string, names: ReadonlyMap<string, string>): string | null {
  const userId = userIdOfActor(actor);
  const name = userId === undefined ? undefined : names.get(userId);
  return name === undefined ? null : clip(name, 200);
}

/** `hubspot-user:7001` → `7001`; other actors (harbor, a CLI user) have no HubSpot user behind them. */
export function userIdOfActor(actor: string): string | undefined {
  const match = /^hubspot-user:(\d{1,20})$/.exec(actor);
  return match?.[1];
}

/** Objects (records) are walked; arrays are one value each (a curve, a list of values). */
function flatten(value: unknown, path: string, into: Map<string, unknown>): void {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) into.set(path, {});
    for (const [key, child] of entries) flatten(child, path === '' ? key : `${path}.${key}`, into);
    return;
  }
  into.set(path, value);
}

function shown(value: unknown): string | null {
  if (value === undefined) return null;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return clip(text, 80);
}

/**
 * What changed from one model version to the next, path by path (`segments.SMB.weights.nps: 10 → 12`),
 * the first few listed and the rest counted. Either side may be a model of an older shape: it is plain JSON.
 */
export function modelChanges(
  before: unknown,
  after: unknown,
  limit = historyChangeLimit,
): { changes: ModelChangeWire[]; moreChanges: number } {
  const old = new Map<string, unknown>();
  const next = new Map<string, unknown>();
  flatten(before, '', old);
  flatten(after, '', next);
  const paths = [...new Set([...old.keys(), ...next.keys()])].sort();
  const changed = paths.filter((path) => JSON.stringify(old.get(path)) !== JSON.stringify(next.get(path)));
  return {
    changes: changed.slice(0, limit).map((path) => ({
      path: clip(path, 300),
      before: shown(old.get(path)),
      after: shown(next.get(path)),
    })),
    moreChanges: Math.max(0, changed.length - limit),
  };
}

export interface StoredProposal {
  id: number;
  createdAt: Date;
  createdBy: string;
  baseModelVersion: number;
  status: 'proposed' | 'applied' | 'dismissed';
  decidedBy: string | null;
  decidedAt: Date | null;
  report: unknown;
}

/**
 * A proposal as the settings page lists it: its report card (current vs proposed, per segment) and the
 * proposed weights per component. A report of an older shape is left out rather than guessed at.
 */
export function toSettingsProposal(
  proposal: StoredProposal,
  names: ReadonlyMap<string, string>,
): SettingsProposalWire {
  const parsed = calibrationReportWire.safeParse(proposal.report);
  return {
    id: proposal.id,
    createdAt: proposal.createdAt.toISOString(),
    createdBy: proposal.createdBy,
    createdByName: actorName(proposal.createdBy, names),
    baseModelVersion: proposal.baseModelVersion,
    status: proposal.status,
    decidedBy: proposal.decidedBy,
    decidedAt: proposal.decidedAt?.toISOString() ?? null,
    report: parsed.success
      ? {
          leadDays: parsed.data.leadDays,
          outcomes: parsed.data.outcomes,
          cases: parsed.data.cases,
          heldOutCases: parsed.data.heldOutCases,
          current: parsed.data.current,
          proposed: parsed.data.proposed,
          weights: Object.fromEntries(
            Object.entries(parsed.data.weights).map(([segment, weights]) => [
              segment,
              componentWeights(weights),
            ]),
          ),
          recommendation: {
            apply: parsed.data.recommendation.apply,
            reason: clip(parsed.data.recommendation.reason, 1000),
          },
        }
      : null,
  };
}
