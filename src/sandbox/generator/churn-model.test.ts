import { describe, expect, it } from 'vitest';

import {
  churnProbability,
  drawSignals,
  modelInput,
  segmentAnnualChurn,
  segments,
  signalNames,
  signalRisk,
  type ChurnSignals,
} from './churn-model.ts';
import { Prng } from './prng.ts';

describe('churn model', () => {
  it('when averaged over simulated customers, then each segment churns at its target rate', () => {
    const rng = new Prng(2024);
    for (const segment of segments) {
      let total = 0;
      const n = 20_000;
      for (let i = 0; i < n; i += 1) {
        total += churnProbability(segment, drawSignals(rng.normal(), rng), rng.normal());
      }
      expect(total / n).toBeCloseTo(segmentAnnualChurn[segment], 2);
    }
  });

  it('when signals are drawn, then they are standardized and correlated with health as specified', () => {
    const rng = new Prng(5);
    const n = 20_000;
    let utilisationVariance = 0;
    let utilisationHealth = 0;
    let loginHealth = 0;
    for (let i = 0; i < n; i += 1) {
      const health = rng.normal();
      const signals = drawSignals(health, rng);
      utilisationVariance += signals.seat_utilisation ** 2;
      utilisationHealth += signals.seat_utilisation * health;
      loginHealth += signals.days_since_last_login * health;
    }
    expect(utilisationVariance / n).toBeCloseTo(1, 1);
    expect(utilisationHealth / n).toBeCloseTo(0.6, 1);
    expect(loginHealth / n).toBeCloseTo(-0.45, 1);
  });

  it('when usage falls or invoices age, then churn risk rises; on-time payment adds nothing', () => {
    const neutral = Object.fromEntries(signalNames.map((name) => [name, 0])) as ChurnSignals;
    const base = signalRisk(neutral);
    expect(signalRisk({ ...neutral, seat_utilisation: -2 })).toBeGreaterThan(base);
    expect(signalRisk({ ...neutral, days_past_due: 2.5 })).toBeGreaterThan(base);
    expect(modelInput('days_past_due', -1)).toBe(modelInput('days_past_due', 0.5));
    expect(churnProbability('SMB', neutral, 0)).toBeGreaterThan(churnProbability('ENTERPRISE', neutral, 0));
  });
});
