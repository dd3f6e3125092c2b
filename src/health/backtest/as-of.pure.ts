import { readTime } from '../engine/property-values.pure.ts';
import type { CompanyHealthInputs } from '../health-types.ts';

/** One value a property held (HubSpot's propertiesWithHistory), timestamp in epoch ms. */
export interface PropertyVersion {
  value: string;
  timestamp: number;
}

export type PropertyHistory = Readonly<Record<string, readonly PropertyVersion[]>>;

/**
 * Company properties as they were at `at`: each property with history takes the newest version set at or
 * before `at` (unset then if none); properties without history keep today's value, which is right for the
 * ones that do not change (seats bought, contract value) and is why every property the model reads is
 * fetched with its history first.
 */
export function propertiesAsOf(
  current: Readonly<Record<string, string | null | undefined>>,
  history: PropertyHistory,
  at: number,
): Record<string, string | null> {
  const result: Record<string, string | null> = {};
  for (const [name, value] of Object.entries(current)) result[name] = value ?? null;
  for (const [name, versions] of Object.entries(history)) {
    let best: PropertyVersion | undefined;
    for (const version of versions) {
      if (version.timestamp <= at && (best === undefined || version.timestamp > best.timestamp))
        best = version;
    }
    result[name] = best === undefined || best.value === '' ? null : best.value;
  }
  return result;
}

/**
 * A company's inputs as they stood at `at`: no stored tier or snapshots, which describe today. A date
 * property (last login, last contact…) holding a time after `at` cannot have been known then: its history was
 * incomplete, so it reads as missing rather than as "today", which would leak what happened later.
 */
export function inputsAsOf(
  inputs: CompanyHealthInputs,
  history: PropertyHistory,
  at: number,
  dateProperties: readonly string[] = [],
): CompanyHealthInputs {
  const properties = propertiesAsOf(inputs.properties, history, at);
  for (const name of dateProperties) {
    const time = readTime(properties[name]);
    if (time !== null && time > at) properties[name] = null;
  }
  return {
    companyId: inputs.companyId,
    properties,
    tickets: inputs.tickets,
    feedback: inputs.feedback,
  };
}
