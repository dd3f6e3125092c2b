import type { Kysely } from 'kysely';

import type { Database } from '../store/database-schema.ts';
import { findCrmObject } from '../store/repositories/crm-objects-repository.ts';
import { findHealthScore, listHealthScores } from '../store/repositories/health-scores-repository.ts';
import { listOwners } from '../store/repositories/owners-repository.ts';
import { findPortalAccount, listActivePortalIds } from '../store/repositories/portals-repository.ts';
import type {
  PreviewBoot,
  PreviewCompanySummary,
  PreviewLanguage,
  PreviewProperty,
  PreviewView,
} from './browser/preview-boot.ts';

/** The record's left column, in HubSpot's "About this company" order. */
const shownProperties: readonly Omit<PreviewProperty, 'value'>[] = [
  { name: 'domain', label: { en: 'Company domain name', 'pt-BR': 'Domínio da empresa' }, kind: 'text' },
  {
    name: 'hubspot_owner_name',
    label: { en: 'Company owner', 'pt-BR': 'Proprietário da empresa' },
    kind: 'text',
  },
  {
    name: 'lifecyclestage',
    label: { en: 'Lifecycle stage', 'pt-BR': 'Fase do ciclo de vida' },
    kind: 'text',
  },
  {
    name: 'customer_segment',
    label: { en: 'Customer segment', 'pt-BR': 'Segmento do cliente' },
    kind: 'text',
  },
  { name: 'contract_value', label: { en: 'Contract value', 'pt-BR': 'Valor do contrato' }, kind: 'money' },
  { name: 'renewal_date', label: { en: 'Renewal date', 'pt-BR': 'Data de renovação' }, kind: 'date' },
  {
    name: 'seats_purchased',
    label: { en: 'Seats purchased', 'pt-BR': 'Licenças compradas' },
    kind: 'number',
  },
  {
    name: 'active_users_30d',
    label: { en: 'Active users (30 days)', 'pt-BR': 'Usuários ativos (30 dias)' },
    kind: 'number',
  },
  { name: 'invoice_status', label: { en: 'Invoice status', 'pt-BR': 'Situação da fatura' }, kind: 'text' },
  { name: 'days_past_due', label: { en: 'Days past due', 'pt-BR': 'Dias em atraso' }, kind: 'number' },
  { name: 'notes_last_contacted', label: { en: 'Last contacted', 'pt-BR': 'Último contato' }, kind: 'date' },
];

export interface PreviewDataDeps {
  db: Kysely<Database>;
  publicBaseUrl: string;
  appId: number | string;
}

export interface PreviewRequest {
  view: PreviewView;
  language: PreviewLanguage;
  companyId?: string | undefined;
  pagePath?: string | undefined;
}

/** A few companies to open: the at-risk ones first (what a CSM looks at), then others. */
async function pickCompanies(db: Kysely<Database>, portalId: number): Promise<PreviewCompanySummary[]> {
  const atRisk = await listHealthScores(db, portalId, { tier: 'at_risk', limit: 5 });
  const watch = await listHealthScores(db, portalId, { tier: 'watch', limit: 3 });
  const healthy = await listHealthScores(db, portalId, { tier: 'healthy', limit: 3 });
  const scores = [...atRisk.results, ...watch.results, ...healthy.results];
  return Promise.all(
    scores.map(async (score) => {
      const company = await findCrmObject(db, portalId, 'companies', score.companyId);
      return {
        id: score.companyId,
        name: company?.properties.name ?? `Company ${score.companyId}`,
        tier: score.tier,
        score: score.score,
      };
    }),
  );
}

/** What the host page needs, read from Harbor's store: the portal, a user, the company and a few others. */
export async function loadPreviewBoot(deps: PreviewDataDeps, request: PreviewRequest): Promise<PreviewBoot> {
  const [portalId] = await listActivePortalIds(deps.db);
  const account = portalId === undefined ? undefined : await findPortalAccount(deps.db, portalId);
  const base: PreviewBoot = {
    view: request.view,
    language: request.language,
    // HubSpot's context always names the portal's zone; before the account details were read, UTC.
    portal: { id: portalId ?? 0, timezone: account?.timeZone ?? 'UTC' },
    user: { id: 0, email: '', firstName: '', lastName: '' },
    app: { id: deps.appId, name: 'Harbor' },
    variables: { PUBLIC_BASE_URL: deps.publicBaseUrl },
    companies: [],
    pagePath: request.pagePath ?? '/',
  };
  if (portalId === undefined)
    return {
      ...base,
      problem: 'No HubSpot account is installed yet: run `npm run demo`, or install Harbor.',
    };

  const owners = await listOwners(deps.db, portalId);
  const user = owners.find((owner) => owner.userId !== null && !owner.archived);
  const withUser: PreviewBoot = {
    ...base,
    user: {
      id: Number(user?.userId ?? 0),
      email: user?.email ?? '',
      firstName: user?.firstName ?? '',
      lastName: user?.lastName ?? '',
    },
    companies: await pickCompanies(deps.db, portalId),
    ...(user === undefined ? { problem: 'The account has no synced HubSpot users yet.' } : {}),
  };
  if (request.view !== 'company' || request.companyId === undefined) return withUser;

  const company = await findCrmObject(deps.db, portalId, 'companies', request.companyId);
  if (company === undefined)
    return { ...withUser, view: 'index', problem: `No company ${request.companyId} in the store.` };
  const owner = owners.find((one) => one.id === company.properties.hubspot_owner_id);
  const ownerName = owner === undefined ? null : [owner.firstName, owner.lastName].filter(Boolean).join(' ');
  const raw: Record<string, string> = {};
  for (const [name, value] of Object.entries(company.properties)) if (value !== null) raw[name] = value;
  if (ownerName !== null) raw.hubspot_owner_name = ownerName;
  const score = await findHealthScore(deps.db, portalId, request.companyId);
  return {
    ...withUser,
    company: {
      id: company.id,
      name: raw.name ?? `Company ${company.id}`,
      domain: raw.domain ?? null,
      ownerName,
      raw: {
        ...raw,
        ...(score?.score === undefined || score.score === null
          ? {}
          : { harbor_health_score: String(score.score) }),
      },
      properties: shownProperties.map((property) => ({ ...property, value: raw[property.name] ?? '' })),
    },
  };
}
