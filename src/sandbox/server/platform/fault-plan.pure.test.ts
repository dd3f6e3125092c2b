import { describe, expect, it } from 'vitest';

import { createFaultPlan, FaultSpecError, parseFaultSpec, type FaultDecision } from './fault-plan.pure.ts';

function run(spec: string, seed: number, count: number): FaultDecision[] {
  const plan = createFaultPlan(parseFaultSpec(spec), seed);
  return Array.from({ length: count }, () => plan.next());
}

describe('parseFaultSpec', () => {
  it('when given the full example spec, then it reads every kind with its parameter', () => {
    expect(parseFaultSpec('5xx=0.1,drop=0.02,slow=0.05:2000,429burst=0.01,timeout=0.01')).toEqual([
      { kind: '5xx', probability: 0.1 },
      { kind: 'drop', probability: 0.02 },
      { kind: 'slow', probability: 0.05, param: 2000 },
      { kind: '429burst', probability: 0.01 },
      { kind: 'timeout', probability: 0.01 },
    ]);
  });

  it('when given an empty string or "none", then there are no faults', () => {
    expect(parseFaultSpec('')).toEqual([]);
    expect(parseFaultSpec(' none ')).toEqual([]);
  });

  it.each([
    ['flood=0.1', /unknown fault kind "flood"/],
    ['5xx', /must look like kind=probability/],
    ['5xx=2', /probability between 0 and 1/],
    ['5xx=abc', /probability between 0 and 1/],
    ['slow=0.1:fast', /duration in ms/],
    ['5xx=0.1:404', /status between 500 and 599/],
    ['drop=0.1:5', /takes no parameter/],
    ['5xx=0.1,5xx=0.2', /given twice/],
    ['5xx=0.6,drop=0.5', /add up to 1.100/],
  ])('when given "%s", then it fails with a clear message', (spec, message) => {
    expect(() => parseFaultSpec(spec)).toThrow(FaultSpecError);
    expect(() => parseFaultSpec(spec)).toThrow(message);
  });
});

describe('createFaultPlan', () => {
  it('when the same spec and seed run twice, then the fault sequence is identical', () => {
    const spec = '5xx=0.1,drop=0.05,slow=0.05:300,429burst=0.02,timeout=0.02';
    expect(run(spec, 7, 500)).toEqual(run(spec, 7, 500));
  });

  it('when the seed differs, then the sequence differs', () => {
    expect(run('5xx=0.3', 1, 200)).not.toEqual(run('5xx=0.3', 2, 200));
  });

  it('when 5xx has probability 0.1, then about a tenth of requests fail with 500, 502 or 503', () => {
    const decisions = run('5xx=0.1', 3, 10_000);
    const statuses = decisions.flatMap((decision) => (decision.kind === '5xx' ? [decision.status] : []));
    expect(statuses.length).toBeGreaterThan(850);
    expect(statuses.length).toBeLessThan(1150);
    expect(new Set(statuses)).toEqual(new Set([500, 502, 503]));
  });

  it('when a 429 burst starts, then the following calls of the burst get 429 too, 3 to 10 in all', () => {
    const decisions = run('429burst=1', 5, 40);
    let index = 0;
    while (index < decisions.length) {
      const first = decisions[index];
      if (first?.kind !== '429burst') throw new Error('expected a burst');
      const length = first.remaining + 1;
      expect(length).toBeGreaterThanOrEqual(3);
      expect(length).toBeLessThanOrEqual(10);
      for (let step = 1; step < length && index + step < decisions.length; step += 1) {
        expect(decisions[index + step]).toEqual({ kind: '429burst', remaining: length - 1 - step });
      }
      index += length;
    }
  });

  it('when slow and timeout carry parameters, then the decisions use them', () => {
    expect(run('slow=1:250', 1, 1)).toEqual([{ kind: 'slow', delayMs: 250 }]);
    expect(run('timeout=1:1500', 1, 1)).toEqual([{ kind: 'timeout', holdMs: 1500 }]);
    expect(run('5xx=1:503', 1, 1)).toEqual([{ kind: '5xx', status: 503 }]);
  });

  it('when no faults are configured, then every request passes', () => {
    expect(run('', 1, 10).every((decision) => decision.kind === 'none')).toBe(true);
  });
});
