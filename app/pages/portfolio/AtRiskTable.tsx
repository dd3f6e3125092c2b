import { LoadingSpinner, Text } from '@hubspot/ui-extensions';
import { formatNumber } from '@harbor/i18n';
import type { HomeAtRiskCompanyWire } from '@harbor/wire';

import { SectionTable } from '../components/SectionTable.tsx';
import { CompanyLink } from './CompanyLink.tsx';
import { formatAmount, formatDay, formatScore, type Speech } from './portfolio-format.ts';

export interface AtRiskTableProps extends Speech {
  companies: readonly HomeAtRiskCompanyWire[];
  total: number;
  contractValueAtRisk: number;
  /** The portal's company currency, which every contract value is in. */
  currency: string | null;
  portalId: number;
  page: number;
  pageCount: number;
  onPageChange: (page: number) => void;
  /** The page asked for is still on its way: the rows shown are the previous page's. */
  loadingPage: boolean;
}

function driverText(company: HomeAtRiskCompanyWire, { t, format }: Speech): string {
  const driver = company.topDriver;
  if (driver === null) return t('home.value.none');
  return t('home.atRisk.driver', { label: driver.label, points: formatNumber(driver.pointsLost, format, 1) });
}

/** The at-risk companies, the most contract value first, a page at a time. */
export function AtRiskTable(props: AtRiskTableProps) {
  const { companies, total, contractValueAtRisk, currency, portalId, t, format } = props;
  const speech = { t, format };
  return (
    <SectionTable
      title={t('home.atRisk.title')}
      emptyText={t('home.atRisk.empty')}
      // Empty means no company at risk at all; an empty page of a longer list keeps its table and pager.
      isEmpty={total === 0}
      testId="at-risk-table"
      intro={
        <>
          <Text testId="at-risk-summary">
            {t('home.atRisk.summary', {
              count: total,
              value: formatAmount(contractValueAtRisk, currency, speech),
            })}
          </Text>
          {props.loadingPage ? <LoadingSpinner label={t('home.atRisk.loadingPage')} /> : null}
        </>
      }
      pager={{ page: props.page, pageCount: props.pageCount, onPageChange: props.onPageChange }}
      columns={[
        {
          header: t('home.column.company'),
          cell: (company) => <CompanyLink company={company} portalId={portalId} t={t} />,
        },
        { header: t('home.column.score'), cell: (company) => formatScore(company.score, speech) },
        { header: t('home.column.driver'), cell: (company) => driverText(company, speech) },
        { header: t('home.column.owner'), cell: (company) => company.owner?.name ?? t('home.owner.none') },
        {
          header: t('home.column.contractValue'),
          align: 'right',
          cell: (company) => formatAmount(company.contractValue, currency, speech),
        },
        {
          header: t('home.column.renewal'),
          cell: (company) =>
            company.renewalDate === null ? t('home.value.none') : formatDay(company.renewalDate, format),
        },
      ]}
      rows={companies}
      rowKey={(company) => company.companyId}
    />
  );
}
