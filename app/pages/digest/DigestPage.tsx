import { Button, EmptyState, Flex, Select, Text, useExtensionContext } from '@hubspot/ui-extensions';
import { PageBreadcrumbs, PageTitle } from '@hubspot/ui-extensions/pages';
import { digestDocumentWire, digestListWire, type DigestSummaryWire } from '@harbor/wire';
import { harborFetch, HarborError, HarborLoading, useHarborData, useLanguage } from '@harbor/ui';
import { useState } from 'react';

import type { Speech } from '../portfolio/portfolio-format.ts';
import { monthName } from './digest-format.ts';
import { DigestView } from './DigestView.tsx';

/** The home page "Feedback digest": the stored monthly digests, the newest opened, any other picked. */
export function DigestPage() {
  const context = useExtensionContext<'pages'>();
  const { t, format } = useLanguage(context);
  const list = useHarborData(() => harborFetch(context, '/api/reports/digests', digestListWire), []);
  const title = t('digest.title');
  return (
    <>
      <PageBreadcrumbs>
        <PageBreadcrumbs.Current>{title}</PageBreadcrumbs.Current>
      </PageBreadcrumbs>
      <PageTitle>{title}</PageTitle>
      {list.state === 'loading' ? (
        <HarborLoading t={t} />
      ) : list.state === 'error' ? (
        <HarborError error={list.error} reload={list.reload} t={t} />
      ) : list.data.digests.length === 0 ? (
        <EmptyState title={t('digest.empty.title')} imageName="emptyStateCharts" layout="vertical">
          <Flex direction="column" gap="sm">
            <Text>{t('digest.empty.body')}</Text>
            <Button onClick={list.reload}>{t('digest.empty.retry')}</Button>
          </Flex>
        </EmptyState>
      ) : (
        <DigestMonths digests={list.data.digests} t={t} format={format} />
      )}
    </>
  );
}

function DigestMonths({ digests, t, format }: Speech & { digests: readonly DigestSummaryWire[] }) {
  const [month, setMonth] = useState(digests[0]?.month ?? '');
  return (
    <Flex direction="column" gap="md">
      <Text>{t('digest.intro')}</Text>
      <Select
        testId="digest-pick"
        name="month"
        label={t('digest.pick')}
        options={digests.map((digest) => ({
          label: monthName(digest.month, { t, format }),
          value: digest.month,
        }))}
        value={month}
        onChange={(value) => {
          setMonth(String(value));
        }}
      />
      <DigestMonth key={month} month={month} t={t} format={format} />
    </Flex>
  );
}

function DigestMonth({ month, t, format }: Speech & { month: string }) {
  const context = useExtensionContext<'pages'>();
  const data = useHarborData(
    () => harborFetch(context, `/api/reports/digests/${month}`, digestDocumentWire),
    [month],
  );
  if (data.state === 'loading') return <HarborLoading t={t} />;
  if (data.state === 'error') return <HarborError error={data.error} reload={data.reload} t={t} />;
  return <DigestView digest={data.data.digest} t={t} format={format} />;
}
