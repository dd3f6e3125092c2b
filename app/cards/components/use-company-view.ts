import { useHarborData, type HarborData } from '@harbor/ui';
import type { CompanyViewWire } from '@harbor/wire';

import { loadCompanyView, type CompanyCardContext } from './company-view-api.ts';

/** The company's view, loaded once per company and again on reload(); null when Harbor does not know it yet. */
export function useCompanyView(context: CompanyCardContext): HarborData<CompanyViewWire | null> {
  return useHarborData(() => loadCompanyView(context), [context.portal.id, context.crm.objectId]);
}
