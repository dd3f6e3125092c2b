/**
 * Kaplan–Meier survival of a group of customers by age in whole quarters (cs-domain §2, "Cohort retention").
 * Age runs on each customer's own calendar: age k is the instant 3·k calendar months after its start (a
 * customer who started on 31 January is one month old on the last day of February), so annual renewals land
 * on ages 4, 8, 12… whatever the month lengths. Customers still active are censored at `now`: they count as
 * at risk up to their age today and never as churned.
 */

/** One customer's observed life: from its start to its churn, or to now while it is still a customer. */
export interface CustomerLife {
  /** Epoch ms of the start. */
  startAt: number;
  /** Epoch ms of the churn; null for a customer still active at `now`. */
  churnedAt: number | null;
  /** Recurring revenue at the start: the customer's weight in revenue survival. */
  startingRevenue: number;
}

export interface SurvivalAge {
  age: number;
  atRisk: number;
  events: number;
  censored: number;
  logoSurvival: number;
  revenueAtRisk: number;
  revenueLost: number;
  revenueSurvival: number;
}

export interface SurvivalTable {
  customers: number;
  active: number;
  startingRevenue: number;
  ages: SurvivalAge[];
  medianLifetimeQuarters: number | null;
  revenueMedianLifetimeQuarters: number | null;
}

const MONTHS_PER_AGE = 3;

/** `months` calendar months after `time`, the day clamped to the target month's last day (31 Jan + 1 → 28 Feb). */
export function addUtcMonths(time: number, months: number): number {
  const date = new Date(time);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const dayOfMonth = Math.min(date.getUTCDate(), lastDay);
  return Date.UTC(
    year,
    month,
    dayOfMonth,
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
    date.getUTCMilliseconds(),
  );
}

/**
 * Age in quarters at `time` as a real number: whole calendar months since the start, plus the elapsed share
 * of the month under way, over three. Only its order and its place between whole ages matter: KM needs who
 * was still observed when each churn happened.
 */
export function ageInQuarters(startAt: number, time: number): number {
  if (time <= startAt) return 0;
  const startDate = new Date(startAt);
  const endDate = new Date(time);
  let months =
    (endDate.getUTCFullYear() - startDate.getUTCFullYear()) * 12 +
    endDate.getUTCMonth() -
    startDate.getUTCMonth();
  // The estimate can overshoot by one when the end's day of month comes before the start's.
  while (months > 0 && addUtcMonths(startAt, months) > time) months -= 1;
  while (addUtcMonths(startAt, months + 1) <= time) months += 1;
  const from = addUtcMonths(startAt, months);
  const to = addUtcMonths(startAt, months + 1);
  return (months + (time - from) / (to - from)) / MONTHS_PER_AGE;
}

interface Observation {
  age: number;
  churned: boolean;
  weight: number;
}

/**
 * The survival table of one group, censored at `now`: age 0, then every whole age up to the oldest one a
 * customer of the group has reached (no one is observed beyond it, so KM says nothing there). Ties: at the
 * same age, churns are counted before censorings (the usual KM convention). A churn at or before the start
 * (a customer lost the day it signed) is a churn at age 0.
 */
export function survivalTable(lives: readonly CustomerLife[], now: number): SurvivalTable {
  const observations: Observation[] = lives.map((life) => {
    const end = life.churnedAt === null ? now : Math.min(life.churnedAt, now);
    return {
      age: ageInQuarters(life.startAt, end),
      churned: life.churnedAt !== null && life.churnedAt <= now,
      weight: life.startingRevenue,
    };
  });
  observations.sort((a, b) => a.age - b.age || Number(b.churned) - Number(a.churned));
  const oldest = observations.reduce((max, observation) => Math.max(max, observation.age), 0);
  const lastAge = Math.floor(oldest + 1e-12);

  // Revenue still at risk from each position on, summed from the end so no subtraction drifts.
  const revenueFrom = new Array<number>(observations.length + 1).fill(0);
  for (let index = observations.length - 1; index >= 0; index -= 1) {
    revenueFrom[index] = (revenueFrom[index + 1] ?? 0) + (observations[index]?.weight ?? 0);
  }
  const startingRevenue = revenueFrom[0] ?? 0;
  let logoSurvival = 1;
  let revenueSurvival = 1;
  let next = 0;
  const ages: SurvivalAge[] = [];
  for (let age = 0; age <= lastAge; age += 1) {
    const intervalAtRisk = observations.length - next;
    const intervalRevenueAtRisk = revenueFrom[next] ?? 0;
    let events = 0;
    let censored = 0;
    let revenueLost = 0;
    // Every observation that ends by this age, one distinct age at a time.
    while (next < observations.length && (observations[next]?.age ?? Infinity) <= age) {
      const at = observations[next]?.age ?? 0;
      const atRisk = observations.length - next;
      const revenueAtRisk = revenueFrom[next] ?? 0;
      let deaths = 0;
      let lost = 0;
      let leaving = 0;
      while (next < observations.length && observations[next]?.age === at) {
        const observation = observations[next];
        next += 1;
        if (observation === undefined) break;
        leaving += 1;
        if (observation.churned) {
          deaths += 1;
          lost += observation.weight;
        }
      }
      if (deaths > 0) {
        logoSurvival *= 1 - deaths / atRisk;
        if (revenueAtRisk > 0) revenueSurvival *= 1 - lost / revenueAtRisk;
      }
      events += deaths;
      censored += leaving - deaths;
      revenueLost += lost;
    }
    ages.push({
      age,
      atRisk: intervalAtRisk,
      events,
      censored,
      logoSurvival: clampUnit(logoSurvival),
      revenueAtRisk: intervalRevenueAtRisk,
      revenueLost,
      revenueSurvival: clampUnit(revenueSurvival),
    });
  }
  return {
    customers: lives.length,
    active: lives.filter((life) => life.churnedAt === null || life.churnedAt > now).length,
    startingRevenue,
    ages,
    medianLifetimeQuarters: firstAgeAtOrBelowHalf(ages, 'logoSurvival'),
    revenueMedianLifetimeQuarters: firstAgeAtOrBelowHalf(ages, 'revenueSurvival'),
  };
}

function firstAgeAtOrBelowHalf(
  ages: readonly SurvivalAge[],
  field: 'logoSurvival' | 'revenueSurvival',
): number | null {
  // A hair of tolerance: 1 − 1/2 computed through products can land a rounding error above 0.5.
  return ages.find((row) => row[field] <= 0.5 + 1e-12)?.age ?? null;
}

/** Products of factors in [0, 1] stay there; this only removes a rounding error's sign. */
function clampUnit(value: number): number {
  return Math.min(1, Math.max(0, value));
}
