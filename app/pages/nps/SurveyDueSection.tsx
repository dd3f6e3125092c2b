import { formatDate } from '@harbor/i18n';
import type { SurveyDueWire } from '@harbor/wire';
import { Alert, Button, Flex, Text } from '@hubspot/ui-extensions';

import type { Speech } from '../portfolio/portfolio-format.ts';
import { SectionTable, type SectionColumn } from '../components/SectionTable.tsx';
import { segmentText } from './nps-format.ts';

/** Where the survey list button stands: idle, building, built (with what it did) or failed (with the code). */
export type SurveyListState =
  | { state: 'idle' }
  | { state: 'building' }
  | { state: 'built'; listName: string; added: number; contacts: number }
  | { state: 'failed'; code: string };

type DueCompany = SurveyDueWire['companies'][number];

export interface SurveyDueSectionProps extends Speech {
  due: SurveyDueWire;
  list: SurveyListState;
  onBuildList: () => void;
}

/** The customers without a recent answer, and the button that puts their contacts on the period's HubSpot list. */
export function SurveyDueSection({ due, list, onBuildList, t, format }: SurveyDueSectionProps) {
  const speech = { t, format };
  const since = formatDate(due.answeredSince, format);
  const columns: SectionColumn<DueCompany>[] = [
    { header: t('nps.due.column.company'), cell: (row) => row.name ?? row.companyId },
    { header: t('nps.due.column.segment'), cell: (row) => segmentText(row.segment, speech) },
    {
      header: t('nps.due.column.lastAnswer'),
      cell: (row) => (row.lastAnswerAt === null ? t('nps.due.never') : formatDate(row.lastAnswerAt, format)),
    },
    { header: t('nps.due.column.contacts'), align: 'right', cell: (row) => String(row.contacts) },
  ];
  const intro = (
    <Flex direction="column" gap="sm">
      <Text testId="nps-due-summary">
        {t('nps.due.summary', {
          due: due.due,
          customers: due.customers,
          date: since,
          cadence: t(`nps.due.cadence.${due.cadence}`),
          contacts: due.dueContacts,
          list: due.listName,
        })}
      </Text>
      <Button
        testId="nps-build-list"
        variant="primary"
        disabled={list.state === 'building' || due.dueContacts === 0}
        onClick={onBuildList}
      >
        {list.state === 'building' ? t('nps.due.building') : t('nps.due.build')}
      </Button>
      {list.state === 'built' && (
        <Alert title={t('nps.due.title')} variant="success">
          {t('nps.due.built', { count: list.added, list: list.listName, contacts: list.contacts })}
        </Alert>
      )}
      {list.state === 'failed' && (
        <Alert title={t('nps.due.title')} variant="danger">
          {t('nps.due.failed', { code: list.code })}
        </Alert>
      )}
    </Flex>
  );
  return (
    <SectionTable
      title={t('nps.due.title')}
      emptyText={t('nps.due.empty', { date: since })}
      testId="nps-due"
      columns={columns}
      rows={due.companies}
      rowKey={(row) => row.companyId}
      intro={intro}
      footer={
        due.due > due.companies.length ? (
          <Text variant="microcopy">
            {t('nps.due.more', { shown: due.companies.length, total: due.due })}
          </Text>
        ) : undefined
      }
    />
  );
}
