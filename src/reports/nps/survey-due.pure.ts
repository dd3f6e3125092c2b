import { maxSurveyDueShown, type SurveyDueWire } from '@harbor/wire';

export type SurveyCadence = SurveyDueWire['cadence'];

export interface SurveyCustomer {
  companyId: string;
  name: string | null;
  segment: string;
  /** Epoch ms of the newest answer of any survey, null when none. */
  lastAnswerAt: number | null;
  /** Its contacts with an email address (a contact may belong to two companies). */
  contactIds: readonly string[];
}

const cadenceMonths: Record<SurveyCadence, number> = { quarterly: 3, 'half-yearly': 6 };

/** The moment `months` calendar months before `now` (UTC), clamped to the month's last day (31 May − 3 → 28/29 Feb). */
function monthsBefore(now: number, months: number): number {
  const date = new Date(now);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  target.setUTCHours(
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
    date.getUTCMilliseconds(),
  );
  return target.getTime();
}

/** "Harbor survey due 2026-Q4" (quarterly) or "… 2026-H2" (half-yearly): one list per survey round. */
export function surveyListName(cadence: SurveyCadence, now: number): string {
  const date = new Date(now);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  const round = cadence === 'quarterly' ? `Q${Math.floor(month / 3) + 1}` : `H${Math.floor(month / 6) + 1}`;
  return `Harbor survey due ${year}-${round}`;
}

/**
 * Customers without any answer inside the cadence (the last 3 or 6 calendar months up to `now`) are due:
 * those that never answered first, then the oldest answer first, then by company id.
 */
export function surveyDue(
  customers: readonly SurveyCustomer[],
  cadence: SurveyCadence,
  now: number,
): SurveyDueWire {
  const since = monthsBefore(now, cadenceMonths[cadence]);
  const due = customers
    .filter((customer) => customer.lastAnswerAt === null || customer.lastAnswerAt < since)
    .sort(
      (a, b) =>
        (a.lastAnswerAt ?? -Infinity) - (b.lastAnswerAt ?? -Infinity) ||
        a.companyId.localeCompare(b.companyId),
    );
  return {
    cadence,
    answeredSince: new Date(since).toISOString(),
    listName: surveyListName(cadence, now),
    customers: customers.length,
    due: due.length,
    dueContacts: new Set(due.flatMap((customer) => customer.contactIds)).size,
    companies: due.slice(0, maxSurveyDueShown).map((customer) => ({
      companyId: customer.companyId,
      name: customer.name,
      segment: customer.segment,
      lastAnswerAt: customer.lastAnswerAt === null ? null : new Date(customer.lastAnswerAt).toISOString(),
      contacts: customer.contactIds.length,
    })),
  };
}
