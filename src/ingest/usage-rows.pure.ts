import { z } from 'zod';

/** The most rows one request may carry; a larger batch is refused whole, so a product splits it, not Harbor. */
export const maxRowsPerBatch = 5_000;
/** Metrics plus features one row may carry: far more than a product reports, few enough to bound a batch. */
export const maxValuesPerRow = 64;
/** A day further ahead than this is a clock or time-zone mistake, not tomorrow in another zone. */
const maxDaysAhead = 1;
const dayMs = 86_400_000;

/** The metrics Harbor's usage component reads; a product may send others, which are kept as they are. */
export const knownMetrics = ['activeUsers', 'seats', 'logins', 'minutes'] as const;
export const featurePrefix = 'feature:';

const metricName = /^[a-zA-Z][a-zA-Z0-9_]{0,63}$/;
const featureKey = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,63}$/;
const amount = z.number().nonnegative().max(1e12);

const companyRef = z.union(
  [
    z.strictObject({ id: z.string().regex(/^[1-9]\d{0,19}$/, 'must be a HubSpot company id') }),
    z.strictObject({
      domain: z
        .string()
        .trim()
        .toLowerCase()
        .regex(/^(?=.{1,253}$)([a-z0-9-]+\.)+[a-z]{2,63}$/, 'must be a domain like customer.example'),
    }),
  ],
  { error: 'must be {"id": "<HubSpot company id>"} or {"domain": "<domain>"}' },
);

/**
 * Keys are checked with one regex test each rather than a string schema per key: a batch holds 30,000 of
 * them, and the per-key schema was most of the time a batch took to check.
 */
function namedCounts<T extends z.ZodType<number>>(value: T, name: RegExp, like: string) {
  return z.record(z.string(), value).superRefine((record, ctx) => {
    for (const key of Object.keys(record))
      if (!name.test(key))
        ctx.addIssue({ code: 'custom', path: [key], message: `must be a name like ${like}` });
  });
}

/** YYYY-MM-DD that is a real day (2026-02-30 is not): a regex and one Date round trip. */
const day = z
  .string({ error: 'must be a day, YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day, YYYY-MM-DD')
  .refine((text) => {
    const time = Date.parse(`${text}T00:00:00Z`);
    return Number.isFinite(time) && new Date(time).toISOString().startsWith(text);
  }, 'must be a day, YYYY-MM-DD');

const rowSchema = z.strictObject({
  company: companyRef,
  date: day,
  metrics: namedCounts(amount, metricName, 'activeUsers').optional(),
  features: namedCounts(amount.int(), featureKey, 'reports.export').optional(),
});

export type CompanyRef = z.infer<typeof companyRef>;

export interface UsageValue {
  metric: string;
  value: number;
}

export interface GoodRow {
  index: number;
  company: CompanyRef;
  date: string;
  values: UsageValue[];
}

export interface RowRefusal {
  index: number;
  reason: string;
}

export interface CheckedRows {
  good: GoodRow[];
  refused: RowRefusal[];
}

/**
 * Checks each row on its own: a bad row is reported by its index and reason and the rest go on, and a row is
 * either whole or refused (never some of its metrics). Features become metrics named `feature:<key>`.
 */
export function checkUsageRows(rows: readonly unknown[], now: Date): CheckedRows {
  const latest = new Date(now.getTime() + maxDaysAhead * dayMs).toISOString().slice(0, 10);
  const good: GoodRow[] = [];
  const refused: RowRefusal[] = [];
  rows.forEach((raw, index) => {
    const parsed = rowSchema.safeParse(raw);
    if (!parsed.success) {
      refused.push({ index, reason: describeIssues(parsed.error) });
      return;
    }
    const { company, date, metrics = {}, features = {} } = parsed.data;
    if (date > latest) {
      refused.push({ index, reason: `date: ${date} is in the future` });
      return;
    }
    const values = [
      ...Object.entries(metrics).map(([metric, value]) => ({ metric, value })),
      ...Object.entries(features).map(([key, value]) => ({ metric: `${featurePrefix}${key}`, value })),
    ];
    if (values.length === 0)
      refused.push({ index, reason: 'metrics: a row needs at least one metric or feature' });
    else if (values.length > maxValuesPerRow)
      refused.push({ index, reason: `metrics: at most ${maxValuesPerRow} metrics and features per row` });
    else good.push({ index, company, date, values });
  });
  return { good, refused };
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length === 0 ? issue.message : `${issue.path.join('.')}: ${issue.message}`))
    .join('; ');
}

/**
 * When one batch names the same (company, day, metric) twice, the later row wins, as it would had it come in
 * a later batch; PostgreSQL refuses one upsert touching a key twice, so duplicates go before it.
 */
export function lastValuePerKey<T extends { companyId: string; date: string; metric: string }>(
  values: readonly T[],
): T[] {
  const byKey = new Map<string, T>();
  for (const value of values) byKey.set(`${value.companyId}\u0000${value.date}\u0000${value.metric}`, value);
  return [...byKey.values()];
}
