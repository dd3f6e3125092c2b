import { companyViewWire, rescoreStartedWire, type CompanyViewWire } from '@harbor/wire';
import { harborFetch, HarborApiError, type HarborContext } from '@harbor/ui';

/** What the cards need from HubSpot's context: who asks, where, and the company on screen. */
export interface CompanyCardContext extends HarborContext {
  crm: { objectId: number | string; objectTypeId: string };
}

/** The company's view; null when Harbor does not know the company yet (it arrives with the next sync). */
export async function loadCompanyView(context: CompanyCardContext): Promise<CompanyViewWire | null> {
  try {
    return await harborFetch(
      context,
      `/api/views/company/${encodeURIComponent(String(context.crm.objectId))}`,
      companyViewWire,
    );
  } catch (error) {
    if (error instanceof HarborApiError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

/** Starts rescoring the portal (POST /api/health/rescore answers 202 at once; the work runs in the background). */
export async function requestRescore(context: CompanyCardContext): Promise<void> {
  await harborFetch(context, '/api/health/rescore', rescoreStartedWire, { method: 'POST', body: {} });
}
