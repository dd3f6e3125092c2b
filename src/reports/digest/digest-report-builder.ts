import type { ReportBuilder } from '../report-kinds.ts';
import { buildFeedbackDigest } from './build-feedback-digest.ts';
import { lastCompleteMonth } from './digest-month.pure.ts';
import { digestTable } from './render-digest.pure.ts';

/**
 * `harbor report digest [--from <date>]`: the digest of the month `--from` falls in (default: the last
 * complete month), built from what Harbor has synced and stored, replacing that month's earlier build (how
 * it was delivered is kept). json is the digest; csv and md are what the product owner gets.
 */
export const digestReportBuilder: ReportBuilder = async (context, query) => {
  const month = query.from?.slice(0, 7) ?? lastCompleteMonth(context.now.getTime());
  const stored = await buildFeedbackDigest(context, context.portalId, month, context.now);
  return { json: stored.digest, table: digestTable(stored.digest), csv: stored.csv, md: stored.markdown };
};
