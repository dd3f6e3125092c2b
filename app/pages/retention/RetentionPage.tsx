import { useExtensionContext } from '@hubspot/ui-extensions';
import { PageBreadcrumbs, PageTitle } from '@hubspot/ui-extensions/pages';
import { retentionReportWire, retentionStrategyWire, type ReportPeriod } from '@harbor/wire';
import { harborFetch, HarborError, HarborLoading, useHarborData, useLanguage } from '@harbor/ui';
import { useState } from 'react';

import { RetentionView } from './RetentionView.tsx';

/**
 * The "Retention" home page: the retention report (12 periods up to the one under way) for the charts, and
 * the strategy of the same period for the targets, fetched together so both are of one moment.
 */
export function RetentionPage() {
  const context = useExtensionContext<'pages'>();
  const { t, format } = useLanguage(context);
  const [period, setPeriod] = useState<ReportPeriod>('quarter');
  const data = useHarborData(async () => {
    const [report, strategy] = await Promise.all([
      harborFetch(context, '/api/reports/retention', retentionReportWire, { query: { period } }),
      harborFetch(context, '/api/reports/strategy', retentionStrategyWire, { query: { period } }),
    ]);
    return { report, strategy };
  }, [period]);

  const title = t('retention.title');
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
        <RetentionView
          report={data.data.report}
          strategy={data.data.strategy}
          period={period}
          onPeriodChange={setPeriod}
          reload={data.reload}
          t={t}
          format={format}
        />
      )}
    </>
  );
}
