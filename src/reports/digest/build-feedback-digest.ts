import type { Kysely } from 'kysely';

import type { Logger } from '../../shared/logger.ts';
import { loadActionSettings } from '../../signals/signal-settings-store.ts';
import type { Database } from '../../store/database-schema.ts';
import { loadReportSettings } from '../report-settings-store.ts';
import { assembleDigest, pendingDelivery } from './build-digest.pure.ts';
import {
  loadCompanyFacts,
  loadFeedbackItems,
  loadPortalCurrency,
} from '../../store/repositories/feedback-inputs-repository.ts';
import { monthBounds, shiftMonth } from './digest-month.pure.ts';
import {
  findDigest,
  saveDigest,
  type StoredDigest,
} from '../../store/repositories/feedback-digests-repository.ts';
import { digestCsv, digestHtml, digestMarkdown } from './render-digest.pure.ts';
import { findThemes } from './themes.pure.ts';

export interface DigestBuildDeps {
  db: Kysely<Database>;
  logger: Logger;
}

/**
 * Builds and stores `month`'s digest from what Harbor has synced: that month's survey comments and
 * feature-request tickets in themes, last month's counted against them. Rendered in the portal's task
 * language (the product owner reads it in HubSpot beside Harbor's tasks). A rebuild replaces the content
 * and keeps how it was delivered.
 */
export async function buildFeedbackDigest(
  deps: DigestBuildDeps,
  portalId: number,
  month: string,
  now: Date,
): Promise<StoredDigest> {
  const stored = await computeFeedbackDigest(deps, portalId, month, now);
  const { markdown, html, csv } = stored;
  await saveDigest(deps.db, stored.digest, { markdown, html, csv });
  deps.logger.info(
    { portalId, month, items: stored.digest.itemCount, themes: stored.digest.themes.length },
    'feedback digest built',
  );
  return stored;
}

/** The digest of `month` as it would be built now, without storing it (a month not built yet). */
export async function computeFeedbackDigest(
  deps: DigestBuildDeps,
  portalId: number,
  month: string,
  now: Date,
): Promise<StoredDigest> {
  const [reports, actions, currency, existing] = await Promise.all([
    loadReportSettings(deps.db, deps.logger, portalId),
    loadActionSettings(deps.db, deps.logger, portalId),
    loadPortalCurrency(deps.db, portalId),
    findDigest(deps.db, portalId, month),
  ]);
  const categories = reports.digest.featureRequestCategories;
  const [current, previous] = await Promise.all([
    loadFeedbackItems(deps.db, portalId, monthBounds(month), categories),
    loadFeedbackItems(deps.db, portalId, monthBounds(shiftMonth(month, -1)), categories),
  ]);
  const items = [...current.surveys, ...current.tickets];
  const companies = await loadCompanyFacts(
    deps.db,
    portalId,
    items.flatMap((item) => (item.companyId === null ? [] : [item.companyId])),
    actions.signals.properties.contractValue,
  );
  const themes = findThemes({
    current: items,
    previous: [...previous.surveys, ...previous.tickets],
    companies,
  });
  const digest = assembleDigest(
    {
      portalId,
      month,
      currency,
      surveyComments: current.surveys.length,
      featureRequestTickets: current.tickets.length,
      delivery: existing?.digest.delivery ?? pendingDelivery,
    },
    themes,
    now.getTime(),
  );
  const language = actions.signals.routing.taskLanguage;
  const renderings = {
    markdown: digestMarkdown(digest, language),
    html: digestHtml(digest, language),
    csv: digestCsv(digest, language),
  };
  return { digest, ...renderings };
}
