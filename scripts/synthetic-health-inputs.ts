/**
 * Synthetic companies for the health-score benchmarks: every property the default model reads as a HubSpot
 * string (dates in all three forms HubSpot uses, some unset), 0–12 tickets, 0–6 survey answers, a previous
 * tier for half of them and three history snapshots. Seeded, so runs compare.
 */
import type {
  CompanyHealthInputs,
  FeedbackFact,
  HealthSnapshotFact,
  SurveyType,
  TicketFact,
} from '../src/health/health-types.ts';
import { defaultHealthModel } from '../src/health/model/default-health-model.ts';
import { componentIds, tierIds, type ComponentId } from '../src/health/model/health-model-schema.ts';
import { createSeededRandom, type SeededRandom } from '../src/sandbox/server/platform/seeded-random.pure.ts';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
// A fixed "today" keeps runs comparable; the engine never reads the clock.
export const syntheticNow = Date.UTC(2026, 10, 20, 12, 0, 0);
const now = syntheticNow;
const today = Math.floor(now / DAY_MS) * DAY_MS;
const model = defaultHealthModel;
const map = model.properties;
const priorities = ['LOW', 'MEDIUM', 'MEDIUM', 'HIGH', 'URGENT'] as const;
const invoiceStatuses = ['paid', 'paid', 'paid', 'paid', 'open', 'open', 'overdue', 'void'] as const;
const surveyRanges: Record<SurveyType, readonly [number, number]> = {
  NPS: [0, 10],
  CSAT: [0, 2],
  CES: [1, 7],
};
const surveyTypes: readonly SurveyType[] = ['NPS', 'NPS', 'CSAT', 'CES'];

/** A timestamp `days` back as HubSpot sends it: a date, an ISO datetime or epoch milliseconds. */
function timeString(random: SeededRandom, days: number): string {
  const time = now - Math.round(days * DAY_MS);
  const form = random.int(0, 2);
  if (form === 0) return new Date(time).toISOString().slice(0, 10);
  return form === 1 ? new Date(time).toISOString() : String(time);
}

/** Usually set, sometimes unset (null or absent), as real portals are. */
function sometimes(random: SeededRandom, value: () => string): string | null {
  return random.next() < 0.06 ? null : value();
}

function generateCompany(random: SeededRandom, index: number): CompanyHealthInputs {
  const seats = random.int(0, 400);
  const loginsPrevious = random.int(0, 3000);
  const properties: Record<string, string | null> = {
    contract_value: sometimes(random, () => String(random.int(2_000, 400_000))),
    [map.seats ?? 'seats']: sometimes(random, () => String(seats)),
    [map.activeUsers ?? 'active']: sometimes(random, () => String(random.int(0, seats))),
    [map.logins ?? 'logins']: sometimes(random, () =>
      String(Math.round(loginsPrevious * (0.3 + random.next() * 1.2))),
    ),
    [map.loginsPrevious ?? 'logins_prev']: sometimes(random, () => String(loginsPrevious)),
    [map.featuresUsed ?? 'features']: sometimes(random, () => String(random.int(0, 18))),
    [map.lastActivity ?? 'last_activity']: sometimes(random, () => timeString(random, random.next() * 45)),
    [map.daysPastDue ?? 'past_due']: sometimes(random, () =>
      String(random.next() < 0.7 ? 0 : random.int(1, 90)),
    ),
    [map.invoiceStatus ?? 'invoice']: sometimes(random, () => random.pick(invoiceStatuses)),
    [map.lastCsmTouch ?? 'csm']: sometimes(random, () => timeString(random, random.next() * 120)),
    [map.lastMeeting ?? 'meeting']: sometimes(random, () => timeString(random, random.next() * 200)),
    [map.lastReply ?? 'reply']: sometimes(random, () => timeString(random, random.next() * 100)),
  };

  const tickets: TicketFact[] = [];
  for (let count = random.int(0, 12); count > 0; count -= 1) {
    const createdAt = now - Math.round(random.next() * 150 * DAY_MS);
    const ticket: TicketFact = {
      createdAt,
      priority: random.pick(priorities),
      escalated: random.next() < 0.1,
    };
    if (random.next() < 0.75) ticket.closedAt = createdAt + Math.round(random.next() * 240 * HOUR_MS);
    tickets.push(ticket);
  }

  const feedback: FeedbackFact[] = [];
  for (let count = random.int(0, 6); count > 0; count -= 1) {
    const type = random.pick(surveyTypes);
    const [min, max] = surveyRanges[type];
    feedback.push({
      type,
      value: random.int(min, max),
      submittedAt: now - Math.round(random.next() * 400 * DAY_MS),
    });
  }

  const history: HealthSnapshotFact[] = [7, 30, 90].map((daysAgo) => {
    const components: Partial<Record<ComponentId, number | null>> = {};
    for (const id of componentIds) if (id !== 'custom') components[id] = random.int(0, 100);
    return { day: today - daysAgo * DAY_MS, score: random.int(20, 95), components };
  });

  const inputs: CompanyHealthInputs = {
    companyId: String(100_000 + index),
    properties,
    tickets,
    feedback,
    history,
  };
  if (index % 2 === 0) {
    inputs.previous = {
      tier: random.pick(tierIds),
      tierSince: now - Math.round(random.next() * 30 * DAY_MS),
    };
  }
  return inputs;
}

/** `count` synthetic companies, ids 100000 upwards. */
export function syntheticCompanies(count: number, seed: number): CompanyHealthInputs[] {
  const random = createSeededRandom(seed);
  const inputs: CompanyHealthInputs[] = [];
  for (let index = 0; index < count; index += 1) inputs.push(generateCompany(random, index));
  return inputs;
}
