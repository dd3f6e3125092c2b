import { useExtensionContext } from '@hubspot/ui-extensions';
import { PageBreadcrumbs, PageTitle } from '@hubspot/ui-extensions/pages';
import { cohortReportWire } from '@harbor/wire';
import { harborFetch, HarborError, HarborLoading, useHarborData, useLanguage } from '@harbor/ui';

import { CohortsView } from './CohortsView.tsx';

/** The home page "Cohorts": Kaplan–Meier survival of the customers of the last 12 start quarters. */
export function CohortsPage() {
  const context = useExtensionContext<'pages'>();
  const { t, format } = useLanguage(context);
  const data = useHarborData(
    () => harborFetch(context, '/api/reports/cohorts', cohortReportWire, { query: { period: 'quarter' } }),
    [],
  );
  const title = t('cohorts.title');
  return (
    <>
      <PageBreadcrumbs>
        <PageBreadcrumbs.Current>{title}</PageBreadcrumbs.Current>
      </PageBreadcrumbs>
      <PageTitle>{title}</PageTitle>
      {data.state === 'loading' ? (
        <HarborLoading t={t} />
      ) : data.state === 'error' ? (
        <HarborError error={data.error} reload={data.reload} t={t} />
      ) : (
        <CohortsView report={data.data} reload={data.reload} t={t} format={format} />
      )}
    </>
  );
}
