import { defaultReportSettings, type HandoffDestination, type ReportSettings } from '@harbor/wire';
import type { Kysely } from 'kysely';

import { installPortals } from '../../../jobs/testing/fake-sync.ts';
import type { Database } from '../../../store/database-schema.ts';
import { replaceCompanyAssociations } from '../../../store/repositories/company-associations-repository.ts';
import { upsertCrmObjects } from '../../../store/repositories/crm-objects-repository.ts';
import { saveSettingsVersion } from '../../../store/repositories/settings-repository.ts';

const seededAt = new Date('2026-11-30T00:00:00.000Z');

/**
 * A portal with November 2026's feedback: three comments and a ticket about exporting to Excel, a comment and
 * a ticket about SSO login, a billing ticket (not a feature request) and an October Excel comment.
 * Companies: A 12,000 (Excel ×2), B 30,000 (Excel, SSO), C without a contract value (Excel), D 8,000 (SSO).
 */
export async function seedDigestPortal(
  db: Kysely<Database>,
  portalId: number,
  companyIds: readonly string[],
): Promise<void> {
  const [a = '', b = '', c = '', d = ''] = companyIds;
  await installPortals(db, [portalId], { companyCurrency: 'BRL' });
  const companies = [
    [a, 'Acme Logistics', '12000'],
    [b, 'Borealis Foods', '30000'],
    [c, 'Cajú Tecnologia', null],
    [d, 'Delta Têxtil', '8000'],
  ] as const;
  await upsertCrmObjects(
    db,
    portalId,
    'companies',
    companies.map(([id, name, value]) => ({
      id,
      properties: { name, contract_value: value },
      archived: false,
      modifiedAt: seededAt,
    })),
    seededAt,
  );
  const surveys = [
    ['9001', 'Please add export to Excel', '2026-11-03T10:00:00.000Z', a],
    ['9002', 'Exportar para o Excel, por favor', '2026-11-10T10:00:00.000Z', c],
    ['9003', 'SSO login fails every morning', '2026-11-12T10:00:00.000Z', b],
    ['9004', 'Export to Excel keeps <b>breaking</b>', '2026-11-29T23:59:00.000Z', a],
    ['9005', 'Excel export is missing', '2026-10-20T10:00:00.000Z', a],
    // December: not November's.
    ['9006', 'Export to Excel again', '2026-12-01T00:00:01.000Z', a],
  ] as const;
  await upsertCrmObjects(
    db,
    portalId,
    'feedback_submissions',
    surveys.map(([id, content, at]) => ({
      id,
      properties: { hs_content: content, hs_submission_timestamp: at, hs_survey_type: 'NPS', hs_value: '6' },
      archived: false,
      modifiedAt: seededAt,
    })),
    seededAt,
  );
  await replaceCompanyAssociations(
    db,
    portalId,
    'feedback_submissions',
    surveys.map(([id]) => id),
    surveys.map(([id, , , companyId]) => ({ objectId: id, companyId })),
    seededAt,
  );
  const tickets = [
    ['8001', 'Request: export reports to Excel', 'FEATURE_REQUEST', '2026-11-05T09:00:00.000Z', b],
    ['8002', 'Login com SSO não funciona', 'FEATURE_REQUEST', '2026-11-06T09:00:00.000Z', d],
    ['8003', 'Invoice amount looks wrong', 'BILLING_ISSUE', '2026-11-07T09:00:00.000Z', d],
  ] as const;
  await upsertCrmObjects(
    db,
    portalId,
    'tickets',
    tickets.map(([id, subject, category, at]) => ({
      id,
      properties: { subject, hs_ticket_category: category, createdate: at },
      archived: false,
      modifiedAt: seededAt,
    })),
    seededAt,
  );
  await replaceCompanyAssociations(
    db,
    portalId,
    'tickets',
    tickets.map(([id]) => id),
    tickets.map(([id, , , , companyId]) => ({ objectId: id, companyId })),
    seededAt,
  );
}

/** Saves report settings with the product hand-off going to `product`. */
export async function routeDigest(
  db: Kysely<Database>,
  portalId: number,
  product: HandoffDestination,
  deliverAs: ReportSettings['digest']['deliverAs'] = 'task',
): Promise<void> {
  const reports: ReportSettings = {
    ...defaultReportSettings,
    routing: { ...defaultReportSettings.routing, product },
    digest: { ...defaultReportSettings.digest, deliverAs },
  };
  await saveSettingsVersion(db, portalId, { reports }, 'test');
}
