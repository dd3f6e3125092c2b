import { HarborError, HarborLoading, useLanguage } from '@harbor/ui';
import { hubspot } from '@hubspot/ui-extensions';

import type { CompanyCardContext } from './components/company-view-api.ts';
import { SidebarNotFound, SidebarSummary } from './components/SidebarSummary.tsx';
import { useCompanyView } from './components/use-company-view.ts';

hubspot.extend<'crm.record.sidebar'>(({ context }) => <CompanyHealthSidebar context={context} />);

/** The company record's sidebar glance; the same view answer as the tab. */
export function CompanyHealthSidebar({ context }: { context: CompanyCardContext }) {
  const tools = useLanguage(context);
  const data = useCompanyView(context);
  if (data.state === 'loading') return <HarborLoading t={tools.t} />;
  if (data.state === 'error') return <HarborError error={data.error} reload={data.reload} t={tools.t} />;
  if (data.data === null) return <SidebarNotFound tools={tools} />;
  return (
    <SidebarSummary
      view={data.data}
      record={{ objectId: Number(context.crm.objectId), objectTypeId: context.crm.objectTypeId }}
      tools={tools}
    />
  );
}
