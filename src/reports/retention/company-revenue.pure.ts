import { dealRole, type DealRole } from './deal-role.pure.ts';
import type { RetentionCompanyRow, RetentionDealRow } from './retention-loader.ts';
import type { CompanyRevenueFacts, RevenueDeal } from './revenue-timeline.pure.ts';

/** A deal stage as Harbor synced it from HubSpot's pipelines. */
export interface StageFacts {
  pipelineId: string;
  stageId: string;
  pipelineLabel: string;
  isClosed: boolean;
  isWon: boolean;
}

/** HubSpot sends datetimes as ISO 8601; older portals and imports sometimes carry epoch milliseconds. */
export function parseHubSpotTime(value: string | null): number | null {
  if (value === null) return null;
  const iso = Date.parse(value);
  if (Number.isFinite(iso)) return iso;
  const trimmed = value.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : null;
}

/** Money in whole cents; empty, negative or unreadable amounts move nothing. */
export function parseCents(value: string | null): number {
  if (value === null || value === '') return 0;
  // Number('  ') is 0, which counts as nothing anyway.
  const amount = Number(value);
  return Number.isFinite(amount) && amount > 0 ? Math.round(amount * 100) : 0;
}

/** Numeric HubSpot ids compare as numbers: shorter is smaller, same length compares as text. */
function idBefore(a: string, b: string): boolean {
  return a.length < b.length || (a.length === b.length && a < b);
}

/** The stages of each pipeline, and which pipelines hold renewals: looked up once per deal, never rebuilt. */
function pipelineIndex(stages: readonly StageFacts[], renewalPipelineText: string) {
  const byPipeline = new Map<string, Map<string, StageFacts>>();
  const labels = new Map<string, string>();
  for (const stage of stages) {
    let pipeline = byPipeline.get(stage.pipelineId);
    if (pipeline === undefined) byPipeline.set(stage.pipelineId, (pipeline = new Map<string, StageFacts>()));
    pipeline.set(stage.stageId, stage);
    labels.set(stage.pipelineId, stage.pipelineLabel);
  }
  const roles = new Map<string, Map<string | null, DealRole>>();
  const roleOf = (pipelineId: string | null, dealtype: string | null): DealRole => {
    const key = pipelineId ?? '';
    let byType = roles.get(key);
    if (byType === undefined) roles.set(key, (byType = new Map<string | null, DealRole>()));
    let role = byType.get(dealtype);
    if (role === undefined) {
      role = dealRole({ pipelineLabel: labels.get(key) ?? null, dealtype, renewalPipelineText });
      byType.set(dealtype, role);
    }
    return role;
  };
  return {
    stageOf: (pipelineId: string | null, stageId: string | null) =>
      byPipeline.get(pipelineId ?? '')?.get(stageId ?? ''),
    roleOf,
  };
}

/**
 * Each live company's revenue facts: its closed deals (a deal shared by several companies counts for the one
 * with the smallest id, so no revenue is counted twice) and its contract-value fallback. Runs over every deal
 * of the portal, so each row costs a few map lookups and no new strings.
 */
export function companyRevenueFacts(
  companies: readonly RetentionCompanyRow[],
  deals: readonly RetentionDealRow[],
  stages: readonly StageFacts[],
  renewalPipelineText: string,
): Map<string, CompanyRevenueFacts> {
  const { stageOf, roleOf } = pipelineIndex(stages, renewalPipelineText);
  const dealsByCompany = new Map<string, RevenueDeal[]>();
  for (const company of companies) dealsByCompany.set(company.id, []);

  const owner = new Map<string, RetentionDealRow>();
  for (const row of deals) {
    if (!dealsByCompany.has(row.company_id)) continue;
    const current = owner.get(row.id);
    if (current === undefined || idBefore(row.company_id, current.company_id)) owner.set(row.id, row);
  }

  for (const row of owner.values()) {
    const stage = stageOf(row.pipeline, row.stage);
    const isClosed = stage === undefined ? row.hs_is_closed === 'true' : stage.isClosed;
    if (!isClosed) continue;
    const closedAt = parseHubSpotTime(row.close_date);
    if (closedAt === null) continue;
    const arr = parseCents(row.hs_arr);
    dealsByCompany.get(row.company_id)?.push({
      id: row.id,
      closedAt,
      won: stage === undefined ? row.hs_is_closed_won === 'true' : stage.isWon,
      arrCents: arr > 0 ? arr : parseCents(row.amount),
      role: roleOf(row.pipeline, row.dealtype),
    });
  }

  const facts = new Map<string, CompanyRevenueFacts>();
  for (const company of companies) {
    const contractValueCents = parseCents(company.contract_value);
    facts.set(company.id, {
      contractValueCents: contractValueCents > 0 ? contractValueCents : null,
      customerSince: parseHubSpotTime(company.customer_since) ?? parseHubSpotTime(company.created_at),
      deals: dealsByCompany.get(company.id) ?? [],
    });
  }
  return facts;
}
