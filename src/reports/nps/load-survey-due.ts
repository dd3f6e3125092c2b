import type { SurveyDueWire } from '@harbor/wire';
import type { Kysely } from 'kysely';

import type { Database } from '../../store/database-schema.ts';
import { loadCustomerRows, type CompanyScope } from '../../store/repositories/nps-repository.ts';
import { surveyDue, type SurveyCadence, type SurveyCustomer } from './survey-due.pure.ts';
import { parseHubSpotTime } from './survey-rows.pure.ts';

/**
 * The report's survey-due part, and every due company's id and contact (the report shows the first 200
 * companies; the survey list takes them all).
 */
export async function loadSurveyDue(
  db: Kysely<Database>,
  portalId: number,
  options: CompanyScope & { segment?: string | undefined; cadence: SurveyCadence; now: number },
): Promise<{ due: SurveyDueWire; dueCompanyIds: string[]; dueContactIds: string[] }> {
  const rows = await loadCustomerRows(db, portalId, options);
  const customers: SurveyCustomer[] = rows
    .filter((row) => options.segment === undefined || row.segment === options.segment)
    .map((row) => {
      const times = row.submitted.flatMap((value) => {
        const time = parseHubSpotTime(value);
        // An answer dated after the report's today is not an answer yet (a clock skew or a test's future data).
        return time === null || time > options.now ? [] : [time];
      });
      return {
        companyId: row.company_id,
        name: row.name,
        segment: row.segment,
        lastAnswerAt: times.length === 0 ? null : Math.max(...times),
        contactIds: row.contact_ids,
      };
    });
  const due = surveyDue(customers, options.cadence, options.now);
  const since = Date.parse(due.answeredSince);
  const dueCustomers = customers.filter(
    (customer) => customer.lastAnswerAt === null || customer.lastAnswerAt < since,
  );
  const dueContactIds = [...new Set(dueCustomers.flatMap((customer) => customer.contactIds))].sort((a, b) =>
    a.localeCompare(b),
  );
  return { due, dueCompanyIds: dueCustomers.map((customer) => customer.companyId), dueContactIds };
}
