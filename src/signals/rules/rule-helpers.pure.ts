import { DAY_MS, readNumber, roundTo } from '../../health/engine/property-values.pure.ts';
import type { UsageFacts } from '../../health/health-types.ts';
import type { PropertyMap } from '../../health/model/health-model-schema.ts';
import type { SignalEvidenceItem, SignalInputs } from '../signal-types.ts';
import type { EvidenceKey } from './evidence-keys.ts';

export { DAY_MS, roundTo };

const ingestedCounts = ['activeUsers', 'seats', 'logins', 'loginsPrevious', 'featuresUsed'] as const;
function isIngestedCount(field: string): field is (typeof ingestedCounts)[number] & keyof UsageFacts {
  return (ingestedCounts as readonly string[]).includes(field);
}

/** An evidence item; the key is typed so that only catalogued keys can be emitted. */
export function evidence(key: EvidenceKey, value: number | string | null, at?: number): SignalEvidenceItem {
  return at === undefined ? { key, value } : { key, value, at: new Date(at).toISOString() };
}

/**
 * A count the model's property map points at (seats, users, logins): null when the property is not mapped,
 * unset, unreadable or negative. A missing value is never read as 0, so a missing property is never a drop.
 */
export function mappedCount(inputs: SignalInputs, field: keyof PropertyMap): number | null {
  // Usage the product pushed comes before the mapped property (the usage score reads it the same way).
  const ingested = isIngestedCount(field) ? inputs.usage?.[field] : undefined;
  if (ingested !== undefined && ingested !== null) return ingested;
  const name = inputs.model.properties[field];
  const value = name === null ? null : readNumber(inputs.properties[name]);
  return value !== null && value >= 0 ? value : null;
}

/** Whether `time` lies within the `days` before `now` (a time after `now` has not happened yet). */
export function withinDays(time: number, now: number, days: number): boolean {
  return time <= now && time >= now - days * DAY_MS;
}
