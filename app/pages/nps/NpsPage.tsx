import { Flex, Select, Text, useExtensionContext } from '@hubspot/ui-extensions';
import { PageBreadcrumbs, PageTitle } from '@hubspot/ui-extensions/pages';
import { npsReportWire, reportPeriods, surveyListResultWire, type ReportPeriod } from '@harbor/wire';
import {
  harborFetch,
  HarborApiError,
  HarborError,
  HarborLoading,
  useHarborData,
  useLanguage,
} from '@harbor/ui';
import { useState } from 'react';

import { DetractorLoopSection } from './DetractorLoopSection.tsx';
import { NpsMetricsSection } from './NpsMetricsSection.tsx';
import { SurveyDueSection, type SurveyListState } from './SurveyDueSection.tsx';

/**
 * The home page "NPS": the latest period's NPS, CSAT and CES per segment (month, quarter or year), the
 * customers due a survey with the button that puts their contacts on a HubSpot list, and the detractor loop.
 */
export function NpsPage() {
  const context = useExtensionContext<'pages'>();
  const { t, format } = useLanguage(context);
  const [period, setPeriod] = useState<ReportPeriod>('quarter');
  const [list, setList] = useState<SurveyListState>({ state: 'idle' });
  const data = useHarborData(
    () => harborFetch(context, '/api/reports/nps', npsReportWire, { query: { period } }),
    [period],
  );
  const buildList = () => {
    setList({ state: 'building' });
    harborFetch(context, '/api/reports/nps/survey-list', surveyListResultWire, {
      method: 'POST',
      body: {},
    }).then(
      (result) => {
        setList({
          state: 'built',
          listName: result.listName,
          added: result.added,
          contacts: result.contacts,
        });
      },
      (error: unknown) => {
        setList({ state: 'failed', code: error instanceof HarborApiError ? error.code : 'UNEXPECTED' });
      },
    );
  };

  const title = t('nps.title');
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
        <Flex direction="column" gap="md">
          <Text>{t('nps.intro', { minimum: data.data.minimumResponses })}</Text>
          <Select
            testId="nps-period"
            name="nps-period"
            label={t('nps.period.label')}
            value={period}
            options={reportPeriods.map((value) => ({ value, label: t(`nps.period.${value}`) }))}
            onChange={(value) => {
              const next = reportPeriods.find((candidate) => candidate === value);
              if (next !== undefined) setPeriod(next);
            }}
          />
          <NpsMetricsSection report={data.data} t={t} format={format} />
          <SurveyDueSection
            due={data.data.surveyDue}
            list={list}
            onBuildList={buildList}
            t={t}
            format={format}
          />
          <DetractorLoopSection loop={data.data.detractorLoop} t={t} format={format} />
        </Flex>
      )}
    </>
  );
}
