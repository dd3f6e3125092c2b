import { createSeededRandom } from './seeded-random.pure.ts';

/**
 * Fault spec grammar (the CLI's --faults):
 *   spec  := '' | 'none' | item (',' item)*
 *   item  := kind '=' probability [':' param]
 *   kind  := '5xx' | 'drop' | 'slow' | 'timeout' | '429burst'
 * probability is a decimal in [0, 1] and all of them add up to at most 1 (one fault per request at most).
 * param: 5xx → a fixed status 500..599 (default: 500, 502 or 503 at random); slow → delay in ms (default 2000);
 * timeout → ms to hold the request before closing the socket (default 60000); 429burst → burst length
 * (default: 3..10 at random).
 */
export const faultKinds = ['5xx', 'drop', 'slow', 'timeout', '429burst'] as const;
export type FaultKind = (typeof faultKinds)[number];

export interface FaultRule {
  kind: FaultKind;
  probability: number;
  param?: number;
}

export type FaultSpec = readonly FaultRule[];

export type FaultDecision =
  | { kind: 'none' }
  | { kind: '5xx'; status: number }
  | { kind: 'drop' }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'timeout'; holdMs: number }
  /** `remaining`: how many more calls of this burst will still get a 429 after this one. */
  | { kind: '429burst'; remaining: number };

export interface FaultPlan {
  readonly spec: FaultSpec;
  /** The fault for the next request, in arrival order. */
  next(): FaultDecision;
}

export class FaultSpecError extends Error {
  override readonly name = 'FaultSpecError';
}

export const DEFAULT_SLOW_MS = 2_000;
export const DEFAULT_TIMEOUT_HOLD_MS = 60_000;
const MAX_PARAM_MS = 600_000;
const BURST_MIN = 3;
const BURST_MAX = 10;
const RANDOM_5XX = [500, 502, 503] as const;

/** Parses a fault spec; throws FaultSpecError naming the bad part. */
export function parseFaultSpec(text: string): FaultSpec {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === 'none') return [];
  const rules: FaultRule[] = [];
  for (const rawItem of trimmed.split(',')) {
    const item = rawItem.trim();
    const match = /^([0-9a-z]+)=([^:]*)(?::(.*))?$/i.exec(item);
    if (match === null) {
      throw new FaultSpecError(
        `fault "${item}" must look like kind=probability[:param], e.g. slow=0.05:2000`,
      );
    }
    const [, rawKind = '', rawProbability = '', rawParam] = match;
    const kind = faultKinds.find((known) => known === rawKind.toLowerCase());
    if (kind === undefined) {
      throw new FaultSpecError(`unknown fault kind "${rawKind}" (known: ${faultKinds.join(', ')})`);
    }
    if (rules.some((rule) => rule.kind === kind)) throw new FaultSpecError(`fault "${kind}" is given twice`);
    const probability = parseProbability(kind, rawProbability);
    const rule: FaultRule =
      rawParam === undefined
        ? { kind, probability }
        : { kind, probability, param: parseParam(kind, rawParam) };
    rules.push(rule);
  }
  const total = rules.reduce((sum, rule) => sum + rule.probability, 0);
  // A small tolerance: 0.1+0.2 style sums must not fail a spec that adds up to exactly 1.
  if (total > 1 + 1e-9) {
    throw new FaultSpecError(
      `fault probabilities add up to ${total.toFixed(3)}; they must add up to at most 1`,
    );
  }
  return rules;
}

/**
 * A seeded fault sequence: the same spec and seed give the same decision for the n-th request. One random draw
 * per request outside a burst; calls inside a 429 burst draw nothing.
 */
export function createFaultPlan(spec: FaultSpec, seed: string | number): FaultPlan {
  const random = createSeededRandom(`faults:${String(seed)}`);
  let burstLeft = 0;
  return {
    spec,
    next(): FaultDecision {
      if (burstLeft > 0) {
        burstLeft -= 1;
        return { kind: '429burst', remaining: burstLeft };
      }
      if (spec.length === 0) return { kind: 'none' };
      const draw = random.next();
      let upper = 0;
      for (const rule of spec) {
        upper += rule.probability;
        if (draw < upper) return decide(rule);
      }
      return { kind: 'none' };
    },
  };

  function decide(rule: FaultRule): FaultDecision {
    switch (rule.kind) {
      case '5xx':
        return { kind: '5xx', status: rule.param ?? random.pick(RANDOM_5XX) };
      case 'drop':
        return { kind: 'drop' };
      case 'slow':
        return { kind: 'slow', delayMs: rule.param ?? DEFAULT_SLOW_MS };
      case 'timeout':
        return { kind: 'timeout', holdMs: rule.param ?? DEFAULT_TIMEOUT_HOLD_MS };
      case '429burst': {
        const length = rule.param ?? random.int(BURST_MIN, BURST_MAX);
        burstLeft = length - 1;
        return { kind: '429burst', remaining: burstLeft };
      }
    }
  }
}

function parseProbability(kind: FaultKind, raw: string): number {
  const value = /^(0|1|0?\.\d+|1\.0*|0\.\d*)$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new FaultSpecError(`fault "${kind}" needs a probability between 0 and 1, got "${raw}"`);
  }
  return value;
}

function parseParam(kind: FaultKind, raw: string): number {
  const value = /^\d+$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  switch (kind) {
    case '5xx':
      if (value >= 500 && value <= 599) return value;
      throw new FaultSpecError(`fault "5xx" takes a status between 500 and 599, got "${raw}"`);
    case 'slow':
    case 'timeout':
      if (value >= 1 && value <= MAX_PARAM_MS) return value;
      throw new FaultSpecError(`fault "${kind}" takes a duration in ms (1..${MAX_PARAM_MS}), got "${raw}"`);
    case '429burst':
      if (value >= 1 && value <= 1000) return value;
      throw new FaultSpecError(`fault "429burst" takes a burst length (1..1000), got "${raw}"`);
    case 'drop':
      throw new FaultSpecError('fault "drop" takes no parameter');
  }
}
