/**
 * Rescoring a whole portal from the store: `npm run bench:rescore -- [--companies N] [--seed N] [--json]`.
 * Loads N synthetic companies (default 100,000) with their tickets, survey answers and company links straight
 * into a fresh store (PGlite in a temporary folder, or DATABASE_URL in a schema of its own), then times
 * rescorePortal twice without write-back: the first run (no stored tiers or snapshots) and a second a day
 * later (tiers, dwell and trends read back), then the rescoring a sync triggers after 1 % of the companies
 * changed (only those are rescored). Loading is not timed. Prints {companies, tickets, feedback, firstSeconds,
 * secondSeconds, afterSyncCompanies, afterSyncSeconds, companiesPerSecond, peakRssMb}; companiesPerSecond is
 * the second (full) run's.
 */
import { migrateToLatest } from '../src/store/migrate.ts';
import { rescorePortal } from '../src/health/scoring/rescore-portal.ts';
import { createLogger } from '../src/shared/logger.ts';
import { upsertCrmObjects, type CrmObjectRecord } from '../src/store/repositories/crm-objects-repository.ts';
import { replaceCompanyAssociations } from '../src/store/repositories/company-associations-repository.ts';
import { saveInstall } from '../src/store/repositories/portals-repository.ts';
import { createTokenCipher } from '../src/shared/crypto/token-cipher.ts';
import { openBenchDatabase } from './bench-database.ts';
import { parseSizeArgs } from './bench-size-args.ts';
import { syntheticCompanies, syntheticNow } from './synthetic-health-inputs.ts';

const { companies, seed, json } = parseSizeArgs('bench-rescore');
const portalId = 9_100_001;
const say = (text: string): void => {
  process.stderr.write(`${text}\n`);
};
const logger = createLogger({ level: 'warn', destination: process.stderr });
const loadedAt = new Date(syntheticNow);

const { database, cleanup } = await openBenchDatabase('bench_rescore');
try {
  const { db } = database;
  await migrateToLatest(db);
  await saveInstall(
    db,
    createTokenCipher(Buffer.alloc(32, 7)),
    { portalId, authKind: 'static', accessToken: 'bench', scopes: [] },
    loadedAt,
  );
  say(`Loading ${companies} synthetic companies into the store...`);
  let tickets = 0;
  let feedback = 0;
  const chunk = 2_000;
  for (let start = 0; start < companies; start += chunk) {
    const inputs = syntheticCompanies(Math.min(chunk, companies - start), seed + start).map(
      (input, offset) => ({
        ...input,
        companyId: String(100_000 + start + offset),
      }),
    );
    const companyRows: CrmObjectRecord[] = [];
    const ticketRows: CrmObjectRecord[] = [];
    const feedbackRows: CrmObjectRecord[] = [];
    const ticketLinks: { objectId: string; companyId: string }[] = [];
    const feedbackLinks: { objectId: string; companyId: string }[] = [];
    for (const input of inputs) {
      const properties: Record<string, string | null> = {};
      for (const [name, value] of Object.entries(input.properties)) properties[name] = value ?? null;
      companyRows.push({ id: input.companyId, properties, archived: false, modifiedAt: loadedAt });
      for (const ticket of input.tickets) {
        const id = String(30_000_000 + tickets);
        tickets += 1;
        ticketRows.push({
          id,
          archived: false,
          modifiedAt: loadedAt,
          properties: {
            createdate: new Date(ticket.createdAt).toISOString(),
            closed_date: ticket.closedAt === undefined ? null : new Date(ticket.closedAt).toISOString(),
            hs_ticket_priority: ticket.priority ?? null,
            escalated: String(ticket.escalated),
          },
        });
        ticketLinks.push({ objectId: id, companyId: input.companyId });
      }
      for (const answer of input.feedback) {
        const id = String(50_000_000 + feedback);
        feedback += 1;
        feedbackRows.push({
          id,
          archived: false,
          modifiedAt: loadedAt,
          properties: {
            hs_survey_type: answer.type,
            hs_value: String(answer.value),
            hs_submission_timestamp: new Date(answer.submittedAt).toISOString(),
          },
        });
        feedbackLinks.push({ objectId: id, companyId: input.companyId });
      }
    }
    await upsertCrmObjects(db, portalId, 'companies', companyRows, loadedAt);
    await upsertCrmObjects(db, portalId, 'tickets', ticketRows, loadedAt);
    await upsertCrmObjects(db, portalId, 'feedback_submissions', feedbackRows, loadedAt);
    const ids = (links: { objectId: string }[]): string[] => links.map((link) => link.objectId);
    await replaceCompanyAssociations(db, portalId, 'tickets', ids(ticketLinks), ticketLinks, loadedAt);
    await replaceCompanyAssociations(
      db,
      portalId,
      'feedback_submissions',
      ids(feedbackLinks),
      feedbackLinks,
      loadedAt,
    );
  }

  say('Rescoring (first run)...');
  const first = await rescorePortal({ db, logger, now: () => loadedAt }, portalId);
  say('Rescoring a day later...');
  const second = await rescorePortal(
    { db, logger, now: () => new Date(syntheticNow + 86_400_000) },
    portalId,
  );
  // A sync that changed 1 % of the companies, then the rescoring a sync triggers (scope 'auto').
  const syncedAt = new Date(syntheticNow + 86_400_000 + 3_600_000);
  const touched = syntheticCompanies(Math.max(1, Math.round(companies / 100)), seed + 7).map(
    (input, index) => ({
      id: String(100_000 + index * 100),
      properties: Object.fromEntries(
        Object.entries(input.properties).map(([name, value]) => [name, value ?? null]),
      ),
      archived: false,
      modifiedAt: syncedAt,
    }),
  );
  await upsertCrmObjects(db, portalId, 'companies', touched, syncedAt);
  say(`Rescoring after a sync that changed ${touched.length} companies...`);
  const afterSync = await rescorePortal(
    { db, logger, now: () => new Date(syncedAt.getTime() + 60_000), scope: 'auto' },
    portalId,
  );
  const result = {
    companies,
    tickets,
    feedback,
    firstSeconds: first.seconds,
    secondSeconds: second.seconds,
    afterSyncCompanies: afterSync.companies,
    afterSyncSeconds: afterSync.seconds,
    companiesPerSecond: Math.round(companies / second.seconds),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  process.stdout.write(
    json
      ? `${JSON.stringify(result)}\n`
      : `Rescored ${companies} companies (${tickets} tickets, ${feedback} survey answers): first run ` +
          `${result.firstSeconds} s, a day later ${result.secondSeconds} s (${result.companiesPerSecond}/s), ` +
          `after a sync changing ${result.afterSyncCompanies} ${result.afterSyncSeconds} s; ` +
          `peak RSS ${result.peakRssMb} MB.\n`,
  );
} finally {
  await cleanup();
}
