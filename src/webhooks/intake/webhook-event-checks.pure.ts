import {
  webhookEventIdSchema,
  webhookEventSchema,
  webhookIntakeBounds,
  webhookPortalIdSchema,
  type WebhookEvent,
} from './webhook-event-schema.ts';

/** One event's verdict: stored as is, or recorded as rejected with why (and its ids, when they were valid). */
export type EventVerdict =
  | { isAccepted: true; event: WebhookEvent }
  | { isAccepted: false; reason: string; portalId: number | null; eventId: string | null; payload: string };

/** Characters of a rejected event kept for inspection; the rest is cut off (the reason says what was wrong). */
export const maxRejectedPayloadChars = 16_384;
const maxReasonChars = 500;
const maxPathKeyChars = 40;

/**
 * Checks one element of a delivered batch, never throwing whatever it holds. Structure comes first (depth,
 * NUL and lone surrogates anywhere, keys included, then size) because PostgreSQL refuses those and deep
 * values can exhaust a recursive reader; then the fields Harbor relies on, against the time of receipt.
 */
export function checkWebhookEvent(raw: unknown, receivedAt: Date): EventVerdict {
  const reject = (reason: string): EventVerdict => ({
    isAccepted: false,
    reason: toStorableText(reason, maxReasonChars),
    portalId: knownPortalId(raw),
    eventId: knownEventId(raw),
    payload: snapshotForRejection(raw),
  });

  if (!isPlainObject(raw)) return reject('event: not a JSON object');
  const problem = findStructuralProblem(raw);
  if (problem !== undefined) return reject(problem);
  // Safe now: the depth is bounded, so the recursive serialiser cannot overflow the stack.
  if (JSON.stringify(raw).length > webhookIntakeBounds.maxEventChars) {
    return reject(`event: larger than ${webhookIntakeBounds.maxEventChars} characters as JSON`);
  }
  const parsed = webhookEventSchema(receivedAt).safeParse(raw);
  if (!parsed.success) {
    return reject(
      parsed.error.issues
        .map((issue) => `${issue.path.map(String).join('.') || 'event'}: ${issue.message}`)
        .join('; '),
    );
  }
  return { isAccepted: true, event: parsed.data };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function knownPortalId(raw: unknown): number | null {
  if (!isPlainObject(raw)) return null;
  const parsed = webhookPortalIdSchema.safeParse(raw.portalId);
  return parsed.success ? parsed.data : null;
}

function knownEventId(raw: unknown): string | null {
  if (!isPlainObject(raw)) return null;
  const parsed = webhookEventIdSchema.safeParse(raw.eventId);
  return parsed.success ? parsed.data : null;
}

/** A string PostgreSQL text and jsonb both refuse: it holds NUL, or half of a surrogate pair. */
function hasUnstorableCharacters(text: string): boolean {
  return text.includes('\u0000') || !text.isWellFormed();
}

/**
 * The first reason the value cannot be stored, walking it without recursion (a body can nest far deeper than
 * the call stack): too deep, or a key or string PostgreSQL would refuse.
 */
function findStructuralProblem(event: Record<string, unknown>): string | undefined {
  const pending: { value: unknown; depth: number; path: string }[] = [{ value: event, depth: 1, path: '' }];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    const { value, depth, path } = item;
    if (typeof value === 'string') {
      if (hasUnstorableCharacters(value)) return `${path || 'event'}: ${describeUnstorable(value)}`;
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth > webhookIntakeBounds.maxDepth) {
      return `${path}: nested deeper than ${webhookIntakeBounds.maxDepth} levels`;
    }
    const entries = Array.isArray(value)
      ? value.map((child, index) => [String(index), child] as const)
      : Object.entries(value);
    for (const [key, child] of entries) {
      const childPath = path === '' ? pathKey(key) : `${path}.${pathKey(key)}`;
      if (hasUnstorableCharacters(key)) return `${childPath}: key ${describeUnstorable(key)}`;
      pending.push({ value: child, depth: depth + 1, path: childPath });
    }
  }
  return undefined;
}

function describeUnstorable(text: string): string {
  return text.includes('\u0000') ? 'contains a NUL character' : 'contains a lone surrogate';
}

function pathKey(key: string): string {
  return key.length > maxPathKeyChars ? `${key.slice(0, maxPathKeyChars)}…` : key;
}

/**
 * Text PostgreSQL will store: NUL and lone surrogates written as `\uXXXX` escapes, cut to `maxChars` without
 * splitting a surrogate pair.
 */
export function toStorableText(text: string, maxChars: number): string {
  const escaped = text.replace(
    // NUL is exactly what must go; with the u flag, the range matches only surrogates outside a pair.
    // eslint-disable-next-line no-control-regex
    /\u0000|[\uD800-\uDFFF]/gu,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return cutWithoutSplittingPairs(escaped, maxChars);
}

function cutWithoutSplittingPairs(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

/**
 * The rejected event as JSON text for inspection: levels below the depth bound replaced by a marker, cut to
 * `maxRejectedPayloadChars` (then no longer valid JSON, and marked so). JSON.stringify escapes NUL and lone
 * surrogates, so the text is storable; recursion stops at the depth bound and writing at the size bound.
 */
export function snapshotForRejection(value: unknown): string {
  const parts: string[] = [];
  let length = 0;
  const write = (text: string): boolean => {
    parts.push(text);
    length += text.length;
    return length <= maxRejectedPayloadChars;
  };
  const writeValue = (item: unknown, depth: number): boolean => {
    if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') {
      return write(JSON.stringify(item));
    }
    // Nothing else but null comes out of JSON.parse; anything else is written as null rather than throw.
    if (typeof item !== 'object' || item === null) return write('null');
    if (depth > webhookIntakeBounds.maxDepth) return write('"[deeper levels left out]"');
    const isArray = Array.isArray(item);
    if (!write(isArray ? '[' : '{')) return false;
    let isFirst = true;
    for (const [key, child] of isArray ? item.entries() : Object.entries(item)) {
      if (!isFirst && !write(',')) return false;
      isFirst = false;
      if (!isArray && !write(`${JSON.stringify(key)}:`)) return false;
      if (!writeValue(child, depth + 1)) return false;
    }
    return write(isArray ? ']' : '}');
  };
  const isComplete = writeValue(value, 1);
  const text = parts.join('');
  return isComplete ? text : `${cutWithoutSplittingPairs(text, maxRejectedPayloadChars)}…[truncated]`;
}
