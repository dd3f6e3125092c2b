import { useExtensionContext } from '@hubspot/ui-extensions';
import { PageBreadcrumbs, PageTitle } from '@hubspot/ui-extensions/pages';
import { homeAtRiskDefaultLimit, homeViewWire } from '@harbor/wire';
import { harborFetch, HarborError, HarborLoading, useHarborData, useLanguage } from '@harbor/ui';
import { useState } from 'react';

import { cursorOf, firstAtRiskPage, goToPage, learnNextCursor, pageCountOf } from './at-risk-pager.ts';
import { PortfolioView } from './PortfolioView.tsx';

/**
 * The portfolio page: fetches the home view (again for each at-risk page, so every section is of one
 * moment) and hands it to PortfolioView.
 */
export function PortfolioPage() {
  const context = useExtensionContext<'pages'>();
  const { t, format } = useLanguage(context);
  const [pager, setPager] = useState(firstAtRiskPage);
  const cursor = cursorOf(pager);
  const data = useHarborData(async () => {
    const page = pager.page;
    const view = await harborFetch(context, '/api/views/home', homeViewWire, {
      query: { limit: homeAtRiskDefaultLimit, cursor },
    });
    // Each page says where the next begins: the table can offer it from now on.
    setPager((current) => learnNextCursor(current, page, view.atRisk.nextCursor));
    return { page, cursor, view };
  }, [pager.page, cursor]);

  const title = t('home.portfolio.title');
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
        <PortfolioView
          view={data.data.view}
          portalId={context.portal.id}
          atRiskPage={{
            page: pager.page,
            pageCount: pageCountOf(pager),
            loading: data.data.page !== pager.page || data.data.cursor !== cursor,
            onPageChange: (page) => {
              setPager((current) => goToPage(current, page));
            },
          }}
          reload={data.reload}
          t={t}
          format={format}
        />
      )}
    </>
  );
}
