import { describe, expect, it } from 'vitest';

import type { PropertyVersion, SandboxRecord } from '../store/sandbox-types.ts';
import { rocAuc } from './auc.ts';
import { segmentAnnualChurn, segments } from './churn-model.ts';
import { contractBands } from './company-plan.ts';
import { responseGroup, type SurveyType } from './feedback-generator.ts';
import { generatePortal } from './generate-portal.ts';
import { surveyComments } from './text-templates.ts';

const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);
const DAY = 86_400_000;
const { store, truth } = generatePortal({ companies: 3000, seed: 7, now: NOW });
const companies = [...store.tables.companies.all()];
const truthById = new Map(truth.map((row) => [row.companyId, row]));

function numberOf(record: SandboxRecord, name: string): number {
  return Number(record.properties[name]);
}

function renewalDeals(companyId: string): SandboxRecord[] {
  return store.associations
    .ids('companies', companyId, 'deals')
    .map((id) => store.tables.deals.get(id))
    .filter((deal): deal is SandboxRecord => deal?.properties.pipeline === 'renewals')
    .sort((a, b) => Date.parse(a.properties.closedate ?? '') - Date.parse(b.properties.closedate ?? ''));
}

/** The value a property held at `at`, from history kept newest first. */
function valueAt(versions: readonly PropertyVersion[] | undefined, at: number): number {
  const version = versions?.find((candidate) => candidate.timestamp <= at) ?? versions?.at(-1);
  return Number(version?.value);
}

describe('generated portal content (3,000 companies)', () => {
  it('when segments are drawn, then the mix is about 60/30/10 and contract values sit in their bands', () => {
    const share = (segment: string): number =>
      truth.filter((row) => row.segment === segment).length / truth.length;
    expect(share('SMB')).toBeCloseTo(0.6, 1);
    expect(share('MID_MARKET')).toBeCloseTo(0.3, 1);
    expect(share('ENTERPRISE')).toBeCloseTo(0.1, 1);
    let labelled = 0;
    for (const company of companies) {
      const row = truthById.get(company.id);
      if (row === undefined) throw new Error(`no truth for ${company.id}`);
      const [min, max] = contractBands[row.segment];
      expect(numberOf(company, 'contract_value')).toBeGreaterThanOrEqual(min);
      expect(numberOf(company, 'contract_value')).toBeLessThan(max);
      if (company.properties.customer_segment === row.segment) labelled += 1;
    }
    expect(labelled / companies.length).toBeGreaterThan(0.92);
    expect(labelled / companies.length).toBeLessThan(0.98);
  });

  it('when surveys are answered, then values, response groups and comment languages are consistent', () => {
    const ranges: Record<SurveyType, readonly [number, number]> = { NPS: [0, 10], CSAT: [0, 2], CES: [1, 7] };
    const english = new Set(Object.values(surveyComments).flatMap((byLocale) => byLocale.en));
    const portuguese = new Set(Object.values(surveyComments).flatMap((byLocale) => byLocale.pt));
    let englishComments = 0;
    let portugueseComments = 0;
    const types = new Set<string>();
    for (const submission of store.tables.feedback_submissions.all()) {
      const type = submission.properties.hs_survey_type as SurveyType;
      const value = numberOf(submission, 'hs_value');
      types.add(type);
      expect(value).toBeGreaterThanOrEqual(ranges[type][0]);
      expect(value).toBeLessThanOrEqual(ranges[type][1]);
      expect(submission.properties.hs_response_group).toBe(responseGroup(type, value));
      const comment = submission.properties.hs_content;
      if (comment !== undefined && english.has(comment)) englishComments += 1;
      if (comment !== undefined && portuguese.has(comment)) portugueseComments += 1;
    }
    expect([...types].sort()).toEqual(['CES', 'CSAT', 'NPS']);
    const portugueseShare = portugueseComments / (englishComments + portugueseComments);
    expect(portugueseShare).toBeGreaterThan(0.35);
    expect(portugueseShare).toBeLessThan(0.65);
  });

  it('when a renewal is past, then its last renewal deal and the company status show the true outcome', () => {
    for (const company of companies) {
      const row = truthById.get(company.id);
      const deals = renewalDeals(company.id);
      const latest = deals.at(-1);
      expect(latest, company.id).toBeDefined();
      if (row === undefined || latest === undefined) continue;
      if (row.outcomeKnown) {
        expect(latest.properties.dealstage).toBe(row.churned ? 'renewal_lost' : 'renewal_won');
        expect(company.properties.customer_status).toBe(row.churned ? 'churned' : 'active');
        expect(company.properties.lifecyclestage).toBe(row.churned ? 'other' : 'customer');
        expect(company.properties.churn_date).toBe(row.churned ? row.renewalDate : undefined);
        expect(
          Math.abs(Date.parse(latest.properties.closedate ?? '') - Date.parse(row.renewalDate)),
        ).toBeLessThan(30 * DAY);
      } else {
        expect(latest.properties.hs_is_closed).toBe('false');
        expect(latest.properties.amount).toBe(company.properties.contract_value);
        expect(latest.properties.closedate?.slice(0, 10)).toBe(row.renewalDate);
        expect(company.properties.customer_status).toBe('active');
      }
      expect(deals.slice(0, -1).every((deal) => deal.properties.dealstage === 'renewal_won')).toBe(true);
    }
    const knownShare = truth.filter((row) => row.outcomeKnown).length / truth.length;
    expect(knownShare).toBeCloseTo(0.4, 1);
  });

  it('when churn is drawn, then each segment churns near its target rate', () => {
    const tolerance = { SMB: 0.035, MID_MARKET: 0.035, ENTERPRISE: 0.05 };
    for (const segment of segments) {
      const rows = truth.filter((row) => row.segment === segment);
      const rate = rows.filter((row) => row.churned).length / rows.length;
      expect(Math.abs(rate - segmentAnnualChurn[segment]), segment).toBeLessThan(tolerance[segment]);
    }
  });

  it('when judged against outcomes, then the truth is learnable but not trivial', () => {
    const oracle = rocAuc(
      truth.map((row) => row.churnProbability),
      truth.map((row) => row.churned),
    );
    expect(oracle).toBeGreaterThan(0.75);
    expect(oracle).toBeLessThan(0.97);

    // A naive health score from today's properties, for renewals still ahead.
    const upcoming = companies.filter((company) => truthById.get(company.id)?.outcomeKnown === false);
    const todayScore = upcoming.map(
      (company) =>
        -3 * (numberOf(company, 'active_users_30d') / numberOf(company, 'seats_purchased')) +
        Math.log1p(numberOf(company, 'days_past_due')) -
        Math.log((numberOf(company, 'logins_30d') + 1) / (numberOf(company, 'logins_prev_30d') + 1)) -
        numberOf(company, 'features_used') / 10,
    );
    expect(
      rocAuc(
        todayScore,
        upcoming.map((company) => truthById.get(company.id)?.churned === true),
      ),
    ).toBeGreaterThan(0.65);

    // The same score from property history 75 days before past renewals (a backtest).
    const past = companies.filter((company) => truthById.get(company.id)?.outcomeKnown === true);
    const backtestScore = past.map((company) => {
      const at = Date.parse(truthById.get(company.id)?.renewalDate ?? '') - 70 * DAY;
      const { history } = company;
      const logins = valueAt(history?.logins_30d, at);
      const previousLogins = valueAt(history?.logins_30d, at - 30 * DAY);
      return (
        -3 * (valueAt(history?.active_users_30d, at) / numberOf(company, 'seats_purchased')) +
        Math.log1p(valueAt(history?.days_past_due, at)) -
        Math.log((logins + 1) / (previousLogins + 1)) -
        valueAt(history?.features_used, at) / 10
      );
    });
    expect(
      rocAuc(
        backtestScore,
        past.map((company) => truthById.get(company.id)?.churned === true),
      ),
    ).toBeGreaterThan(0.65);
  });
});
