import {
  homeListCap,
  homeNameMaxLength,
  homeRenewalDays,
  homeTierChangeDays,
  type HomeAtRiskCompanyWire,
  type HomeBacktestWire,
  type HomeSegmentTiersWire,
  type HomeViewWire,
} from '@harbor/wire';
import { z } from 'zod';

import type {
  AtRiskPosition,
  AtRiskRow,
  RenewalRow,
  TierChangeRow,
  TierCountRow,
} from '../../store/repositories/home-view-repository.ts';

const dayMs = 86_400_000;

/** The periods the home page looks at, from `now`: tier changes since 7 days ago, renewals in 90 days. */
export function homeWindows(now: Date): { tierChangesSince: Date; renewalsFrom: string; renewalsTo: string } {
  return {
    tierChangesSince: new Date(now.getTime() - homeTierChangeDays * dayMs),
    renewalsFrom: utcDay(now),
    renewalsTo: utcDay(new Date(now.getTime() + homeRenewalDays * dayMs)),
  };
}

function utcDay(time: Date): string {
  return time.toISOString().slice(0, 10);
}

// `<contract value or "none">~<company id>`: readable in logs, and only digits, so nothing to escape.
const cursorPattern = /^(none|\d{1,30}(?:\.\d{1,30})?)~([1-9]\d{0,19})$/;

/** The cursor query parameter's syntax (the route's schema checks it before anything is read). */
export const atRiskCursorSyntax = cursorPattern;

export function encodeAtRiskCursor(position: AtRiskPosition): string {
  return `${position.contractValue ?? 'none'}~${position.companyId}`;
}

/** Undefined when the text is not a cursor this function's counterpart made. */
export function decodeAtRiskCursor(cursor: string): AtRiskPosition | undefined {
  const match = cursorPattern.exec(cursor);
  if (match === null) return undefined;
  const [, value = 'none', companyId = ''] = match;
  return { contractValue: value === 'none' ? null : value, companyId };
}

function shortName(name: string | null): string | null {
  const trimmed = name?.trim() ?? '';
  if (trimmed === '') return null;
  return trimmed.length > homeNameMaxLength ? `${trimmed.slice(0, homeNameMaxLength - 1)}…` : trimmed;
}

/** A real calendar day (the database only checked its shape: 2026-02-31 is not one). */
function calendarDay(text: string | null): string | null {
  if (text === null) return null;
  const time = Date.parse(`${text}T00:00:00Z`);
  return Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== text ? null : text;
}

function amount(text: string | null): number | null {
  if (text === null) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

function ownerName(row: AtRiskRow): string | null {
  const full = [row.ownerFirstName, row.ownerLastName]
    .map((part) => part?.trim() ?? '')
    .filter((part) => part !== '')
    .join(' ');
  return shortName(full === '' ? row.ownerEmail : full);
}

/** One row per segment (alphabetical) with its count in every tier. */
export function tierDistribution(rows: readonly TierCountRow[]): HomeSegmentTiersWire[] {
  const segments = new Map<string, HomeSegmentTiersWire>();
  for (const row of rows) {
    const entry = segments.get(row.segment) ?? {
      segment: row.segment,
      healthy: 0,
      watch: 0,
      at_risk: 0,
      noData: 0,
    };
    if (row.tier === null) entry.noData += row.companies;
    else entry[row.tier] += row.companies;
    segments.set(row.segment, entry);
  }
  return [...segments.values()]
    .sort((a, b) => (a.segment < b.segment ? -1 : a.segment > b.segment ? 1 : 0))
    .slice(0, homeListCap);
}

function toAtRiskCompany(row: AtRiskRow): HomeAtRiskCompanyWire {
  const driver = row.topDriver;
  return {
    companyId: row.companyId,
    name: shortName(row.name),
    score: row.score,
    tier: 'at_risk',
    segment: row.segment,
    topDriver:
      driver === null
        ? null
        : {
            ...driver,
            value: typeof driver.value === 'string' ? driver.value.slice(0, homeNameMaxLength) : driver.value,
          },
    owner: row.ownerId === null ? null : { id: row.ownerId, name: ownerName(row) },
    contractValue: amount(row.contractValue),
    renewalDate: calendarDay(row.renewalDay),
  };
}

/**
 * What a calibration report must hold for the headline (the rest of it is the admin's business); reports
 * saved by older versions, or without a held-out card, are skipped.
 */
const cardFigures = z.object({
  overall: z.object({
    accounts: z.number().int(),
    auc: z.number().nullable(),
    topDecileLift: z.number().nullable(),
  }),
});
const reportFigures = z.object({
  outcomes: z.number().int(),
  current: cardFigures,
  proposed: cardFigures,
});

export interface StoredCalibration {
  createdAt: Date;
  status: 'proposed' | 'applied' | 'dismissed';
  report: unknown;
}

/**
 * The newest calibration whose report can be read, as the model in use scored: once a proposal is applied
 * its proposed card is that model's; otherwise the current card (the model it was fitted against).
 */
export function backtestHeadline(calibrations: readonly StoredCalibration[]): HomeBacktestWire | null {
  for (const calibration of calibrations) {
    const report = reportFigures.safeParse(calibration.report);
    if (!report.success) continue;
    const card = calibration.status === 'applied' ? report.data.proposed : report.data.current;
    return {
      measuredAt: calibration.createdAt.toISOString(),
      auc: card.overall.auc,
      topDecileLift: card.overall.topDecileLift,
      renewals: report.data.outcomes,
      heldOut: card.overall.accounts,
    };
  }
  return null;
}

export interface HomeViewInput {
  tierCounts: readonly TierCountRow[];
  atRiskSummary: { companies: number; contractValue: string };
  /** One more row than the page holds, when there is a next page. */
  atRiskRows: readonly AtRiskRow[];
  atRiskLimit: number;
  tierChanges: { rows: readonly TierChangeRow[]; total: number };
  renewals: { rows: readonly RenewalRow[]; total: number };
  calibrations: readonly StoredCalibration[];
  currency: string | null;
}

/** The home page's answer from what the repositories found. */
/** Everything but the portfolio alerts, which the route reads as they are stored. */
export function assembleHomeView(input: HomeViewInput, now: Date): Omit<HomeViewWire, 'portfolioAlerts'> {
  const windows = homeWindows(now);
  const page = input.atRiskRows.slice(0, input.atRiskLimit);
  const last = page.at(-1);
  return {
    generatedAt: now.toISOString(),
    currency: input.currency,
    scoredCompanies: input.tierCounts.reduce((sum, row) => sum + row.companies, 0),
    tiersBySegment: tierDistribution(input.tierCounts),
    atRisk: {
      total: input.atRiskSummary.companies,
      contractValueAtRisk: amount(input.atRiskSummary.contractValue) ?? 0,
      companies: page.map(toAtRiskCompany),
      nextCursor:
        input.atRiskRows.length > input.atRiskLimit && last !== undefined
          ? encodeAtRiskCursor({ contractValue: last.contractValue, companyId: last.companyId })
          : null,
    },
    tierChanges: {
      since: windows.tierChangesSince.toISOString(),
      total: input.tierChanges.total,
      companies: input.tierChanges.rows.slice(0, homeListCap).map((row) => ({
        companyId: row.companyId,
        name: shortName(row.name),
        from: row.fromTier,
        to: row.toTier,
        changedAt: row.changedAt.toISOString(),
        score: row.score,
      })),
    },
    renewals: {
      from: windows.renewalsFrom,
      to: windows.renewalsTo,
      total: input.renewals.total,
      companies: input.renewals.rows.slice(0, homeListCap).flatMap((row) => {
        const renewalDate = calendarDay(row.renewalDay);
        if (renewalDate === null) return [];
        return [
          {
            companyId: row.companyId,
            name: shortName(row.name),
            renewalDate,
            tier: row.tier,
            score: row.score,
            contractValue: amount(row.contractValue),
          },
        ];
      }),
    },
    backtest: backtestHeadline(input.calibrations),
  };
}
