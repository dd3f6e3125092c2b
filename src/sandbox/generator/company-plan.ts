import { churnProbability, drawSignals, segments, type ChurnSignals, type Segment } from './churn-model.ts';
import type { CompanyNamer } from './company-names.ts';
import type { Prng } from './prng.ts';
import { addUtcYears, DAY_MS, startOfUtcDay } from './wire-values.ts';
import { countries, industries, type Locale } from './word-lists.ts';

/** Everything decided about one customer before any record is written; the child generators read it. */
export interface CompanyPlan {
  id: string;
  locale: Locale;
  name: string;
  domain: string;
  country: string;
  city: string;
  industry: string;
  employees: number;
  annualRevenue: number;
  /** The true segment (from the contract band); the model and the truth file use it. */
  segment: Segment;
  /** What `customer_segment` says: the true one about 95 % of the time. */
  segmentLabel: Segment;
  contractValue: number;
  seats: number;
  slaTier: 'basic' | 'standard' | 'premium';
  ownerId: string;
  createdAt: number;
  contractStart: number;
  /** The renewal the truth row is about (past when the outcome is known). */
  renewalAt: number;
  /** Whole contract years from the start to that renewal. */
  termYears: number;
  outcomeKnown: boolean;
  churned: boolean;
  churnProbability: number;
  noise: number;
  /** When the model's signals hold: 75 days before a past renewal, or the portal's today. */
  predictionAt: number;
  /** The end of the customer's life in the data: the renewal for known churners, today otherwise. */
  activeUntil: number;
  health: number;
  signals: ChurnSignals;
}

export const PAST_RENEWAL_SHARE = 0.4;
export const PREDICTION_LEAD_DAYS = 75;

const segmentShares = [0.6, 0.3, 0.1];
/** Annual contract value bands per segment: [min, max) in dollars. */
export const contractBands: Record<Segment, readonly [number, number]> = {
  SMB: [2_400, 15_000],
  MID_MARKET: [15_000, 100_000],
  ENTERPRISE: [100_000, 1_200_000],
};
const employeeBands: Record<Segment, readonly [number, number]> = {
  SMB: [5, 200],
  MID_MARKET: [150, 2_500],
  ENTERPRISE: [2_000, 60_000],
};
const slaTiers = ['basic', 'standard', 'premium'] as const;
const slaWeights: Record<Segment, readonly number[]> = {
  SMB: [0.7, 0.3, 0],
  MID_MARKET: [0.1, 0.65, 0.25],
  ENTERPRISE: [0, 0.15, 0.85],
};

export interface PlanContext {
  id: string;
  now: number;
  ownerIds: readonly string[];
  namer: CompanyNamer;
}

export function planCompany(rng: Prng, context: PlanContext): CompanyPlan {
  const { now } = context;
  const segment = rng.weightedPick(segments, segmentShares);
  const [minValue, maxValue] = contractBands[segment];
  const contractValue = Math.min(maxValue - 100, Math.round(rng.logUniform(minValue, maxValue) / 100) * 100);
  const segmentLabel = rng.chance(0.95) ? segment : neighbourSegment(segment, rng);
  const locale: Locale = rng.chance(0.5) ? 'en' : 'pt';
  const country = rng.weightedPick(
    countries[locale],
    countries[locale].map((entry) => entry.weight),
  );
  const city = rng.pick(country.cities);
  const identity = context.namer.next(rng, locale, country.tld, city);
  const [minEmployees, maxEmployees] = employeeBands[segment];
  const employees = Math.round(rng.logUniform(minEmployees, maxEmployees));
  const outcomeKnown = rng.chance(PAST_RENEWAL_SHARE);
  const today = startOfUtcDay(now);
  const renewalAt = outcomeKnown ? today - rng.int(1, 365) * DAY_MS : today + rng.int(1, 365) * DAY_MS;
  // Customers are 1–6 years old: past renewals close their 1st–5th year, upcoming ones their 2nd–6th; a
  // contract that would start more than six years ago (with its sales cycle) is one year shorter.
  let termYears = outcomeKnown
    ? rng.weightedPick([1, 2, 3, 4, 5], [30, 25, 20, 15, 10])
    : rng.weightedPick([2, 3, 4, 5, 6], [30, 25, 20, 15, 10]);
  const oldestStart = now - (6 * 365 - 130) * DAY_MS;
  if (termYears > 1 && addUtcYears(renewalAt, -termYears) < oldestStart) termYears -= 1;
  const contractStart = addUtcYears(renewalAt, -termYears);
  const createdAt = contractStart - rng.int(14, 120) * DAY_MS - rng.int(0, DAY_MS - 1);
  const health = rng.normal();
  const signals = drawSignals(health, rng);
  const noise = rng.normal();
  const probability = churnProbability(segment, signals, noise);
  const churned = rng.chance(probability);
  return {
    id: context.id,
    locale,
    name: identity.name,
    domain: identity.domain,
    country: country.name,
    city,
    industry: rng.pick(industries)[0],
    employees,
    annualRevenue: Math.round((employees * rng.logUniform(60_000, 250_000)) / 1000) * 1000,
    segment,
    segmentLabel,
    contractValue,
    seats: seatsFor(segment, contractValue, rng),
    slaTier: rng.weightedPick(slaTiers, slaWeights[segment]),
    ownerId: rng.pick(context.ownerIds),
    createdAt,
    contractStart,
    renewalAt,
    termYears,
    outcomeKnown,
    churned,
    churnProbability: probability,
    noise,
    predictionAt: outcomeKnown ? renewalAt - PREDICTION_LEAD_DAYS * DAY_MS : now,
    activeUntil: outcomeKnown && churned ? renewalAt : now,
    health,
    signals,
  };
}

function neighbourSegment(segment: Segment, rng: Prng): Segment {
  if (segment === 'MID_MARKET') return rng.chance(0.5) ? 'SMB' : 'ENTERPRISE';
  return 'MID_MARKET';
}

/** Seats bought: the contract value over a per-seat price that falls with volume. */
function seatsFor(segment: Segment, contractValue: number, rng: Prng): number {
  const pricePerSeat = { SMB: 420, MID_MARKET: 360, ENTERPRISE: 300 }[segment] * rng.logUniform(0.7, 1.4);
  return Math.max(3, Math.round(contractValue / pricePerSeat));
}
