import { Prng } from './prng.ts';

/**
 * The hidden ground-truth churn model of a generated portal.
 *
 * Every company has a latent health h ~ N(0, 1) that nobody observes. Each observable signal k is a standard
 * normal correlated with it, z_k = ρ_k·h + √(1 − ρ_k²)·ε_k, oriented the way its property reads (more days
 * past due is a larger z). The generator turns each z_k into property values, tickets and survey answers
 * through monotone maps, so the signals are what a CSM could see, measured more or less precisely: usage
 * properties exactly, support and sentiment only through counts and a few noisy answers.
 *
 * At the renewal, churn ~ Bernoulli(p) with
 *   p = sigmoid(base[segment] + Σ_k w_k·x_k + σ·ε₀)
 * where x_k is the model's standardized input for signal k (z_k itself, except payment: only lateness beyond
 * about one sigma matters, as customers who pay on time are alike, so x = standardized max(0, z − 1)), and
 * ε₀ ~ N(0, 1) is what no signal explains (a champion leaves, a budget is cut, an acquisition).
 *
 * Why these weights: usage (seat utilisation, login trend, breadth, recency) carries most of the weight, as in
 * published practitioner models (usage ~30–40 %), then payment, support and sentiment; signals that share a
 * cause are all correlated through h, so the sum's spread is larger than the weights alone suggest. The noise σ
 * was tuned so that a logistic regression on the observable properties reaches an AUC near 0.85 while the true
 * probability itself reaches about 0.9: learnable, not trivial. The segment base logits are solved so that the
 * expected annual churn is 18 % (SMB), 10 % (mid-market) and 6 % (enterprise).
 */

export const segments = ['SMB', 'MID_MARKET', 'ENTERPRISE'] as const;
export type Segment = (typeof segments)[number];

export const signalNames = [
  'seat_utilisation',
  'login_trend',
  'feature_breadth',
  'days_since_last_login',
  'open_urgent_tickets',
  'ticket_volume',
  'days_past_due',
  'days_since_csm_contact',
  'nps',
  'csat',
  'ces',
] as const;
export type SignalName = (typeof signalNames)[number];

/** Standardized signal values z_k, one per signal (mean 0, variance 1 over the population). */
export type ChurnSignals = Record<SignalName, number>;

export interface SignalSpec {
  /** ρ_k: correlation with latent health (negative where a larger value is worse). */
  correlation: number;
  /** w_k: change in churn log-odds per standard deviation of the model input. */
  weight: number;
}

export const churnSignalSpecs: Readonly<Record<SignalName, SignalSpec>> = {
  seat_utilisation: { correlation: 0.6, weight: -0.55 },
  login_trend: { correlation: 0.45, weight: -0.45 },
  feature_breadth: { correlation: 0.5, weight: -0.35 },
  days_since_last_login: { correlation: -0.45, weight: 0.35 },
  open_urgent_tickets: { correlation: -0.35, weight: 0.35 },
  ticket_volume: { correlation: -0.3, weight: 0.2 },
  days_past_due: { correlation: -0.35, weight: 0.5 },
  days_since_csm_contact: { correlation: -0.35, weight: 0.3 },
  nps: { correlation: 0.5, weight: -0.35 },
  csat: { correlation: 0.35, weight: -0.2 },
  ces: { correlation: 0.35, weight: -0.2 },
};

/** σ: the standard deviation of the unexplained part of the churn log-odds. */
export const CHURN_NOISE_SD = 1.0;

/** Target annual (per renewal) churn per segment. */
export const segmentAnnualChurn: Readonly<Record<Segment, number>> = {
  SMB: 0.18,
  MID_MARKET: 0.1,
  ENTERPRISE: 0.06,
};

/** Payment lateness threshold in z units: only beyond it is an invoice overdue (about 16 % of customers). */
export const PAYMENT_LATE_THRESHOLD = 1;
// Mean and standard deviation of max(0, Z − 1) for Z ~ N(0, 1): φ(1) − (1 − Φ(1)) and √(2(1 − Φ(1)) − φ(1) − mean²).
const LATENESS_MEAN = 0.0833154;
const LATENESS_SD = 0.2615309;

export interface NormalSource {
  normal(): number;
}

/** Draws a company's standardized signals from its latent health, in `signalNames` order. */
export function drawSignals(health: number, rng: NormalSource): ChurnSignals {
  const signals = {} as ChurnSignals;
  for (const name of signalNames) {
    const rho = churnSignalSpecs[name].correlation;
    signals[name] = rho * health + Math.sqrt(1 - rho * rho) * rng.normal();
  }
  return signals;
}

/** The model's standardized input x_k for a signal value z_k. */
export function modelInput(name: SignalName, value: number): number {
  if (name !== 'days_past_due') return value;
  return (Math.max(0, value - PAYMENT_LATE_THRESHOLD) - LATENESS_MEAN) / LATENESS_SD;
}

/** Σ_k w_k·x_k: the part of the churn log-odds that the signals explain. */
export function signalRisk(signals: ChurnSignals): number {
  let risk = 0;
  for (const name of signalNames) risk += churnSignalSpecs[name].weight * modelInput(name, signals[name]);
  return risk;
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Churn probability at the renewal; `noise` is ε₀ ~ N(0, 1). */
export function churnProbability(segment: Segment, signals: ChurnSignals, noise: number): number {
  return sigmoid(segmentBaseLogit()[segment] + signalRisk(signals) + CHURN_NOISE_SD * noise);
}

let baseLogits: Readonly<Record<Segment, number>> | undefined;

/**
 * base[segment], solved once by bisection so that E[p] over the population equals the segment's target rate.
 * The expectation is a fixed-seed Monte Carlo average over 40,000 simulated companies, so it is deterministic.
 */
export function segmentBaseLogit(): Readonly<Record<Segment, number>> {
  if (baseLogits !== undefined) return baseLogits;
  const rng = new Prng(0x5eed, 0xc0ffee);
  const risks = new Float64Array(40_000);
  for (let i = 0; i < risks.length; i += 1) {
    const signals = drawSignals(rng.normal(), rng);
    risks[i] = signalRisk(signals) + CHURN_NOISE_SD * rng.normal();
  }
  const solve = (target: number): number => {
    let low = -12;
    let high = 4;
    for (let iteration = 0; iteration < 50; iteration += 1) {
      const mid = (low + high) / 2;
      let sum = 0;
      for (const risk of risks) sum += sigmoid(mid + risk);
      if (sum / risks.length < target) low = mid;
      else high = mid;
    }
    return (low + high) / 2;
  };
  baseLogits = {
    SMB: solve(segmentAnnualChurn.SMB),
    MID_MARKET: solve(segmentAnnualChurn.MID_MARKET),
    ENTERPRISE: solve(segmentAnnualChurn.ENTERPRISE),
  };
  return baseLogits;
}
