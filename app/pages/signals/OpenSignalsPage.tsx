import { useExtensionContext } from '@hubspot/ui-extensions';
import { PageBreadcrumbs, PageTitle } from '@hubspot/ui-extensions/pages';
import { openSignalsWire } from '@harbor/wire';
import { harborFetch, HarborError, HarborLoading, useHarborData, useLanguage } from '@harbor/ui';

import { OpenSignalsView } from './OpenSignalsView.tsx';

/** The home page's open signals: every active signal of the account, sorted and filtered on the page. */
export function OpenSignalsPage() {
  const context = useExtensionContext<'pages'>();
  const { t, format } = useLanguage(context);
  const data = useHarborData(() => harborFetch(context, '/api/review/signals', openSignalsWire), []);
  const title = t('review.signals.title');
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
        <OpenSignalsView signals={data.data} portalId={context.portal.id} t={t} format={format} />
      )}
    </>
  );
}
