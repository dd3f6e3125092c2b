import { useExtensionContext } from '@hubspot/ui-extensions';
import { PageBreadcrumbs, PageTitle } from '@hubspot/ui-extensions/pages';
import { retentionStrategyWire, type ReportPeriod } from '@harbor/wire';
import { harborFetch, HarborError, HarborLoading, useHarborData, useLanguage } from '@harbor/ui';
import { useState } from 'react';

import { StrategyView } from './StrategyView.tsx';

/** The "Retention strategy" home page: the plan a CS lead presents, per segment, for the period picked. */
export function StrategyPage() {
  const context = useExtensionContext<'pages'>();
  const { t, format } = useLanguage(context);
  const [period, setPeriod] = useState<ReportPeriod>('quarter');
  const data = useHarborData(
    () => harborFetch(context, '/api/reports/strategy', retentionStrategyWire, { query: { period } }),
    [period],
  );

  const title = t('retention.strategy.title');
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
        <StrategyView
          strategy={data.data}
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
