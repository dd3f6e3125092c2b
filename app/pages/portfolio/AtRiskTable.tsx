import {
  Flex,
  Heading,
  LoadingSpinner,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
  Tile,
} from '@hubspot/ui-extensions';
import { formatNumber } from '@harbor/i18n';
import type { HomeAtRiskCompanyWire } from '@harbor/wire';

import { CompanyLink } from './CompanyLink.tsx';
import { formatAmount, formatDay, formatScore, type Speech } from './portfolio-format.ts';

export interface AtRiskTableProps extends Speech {
  companies: readonly HomeAtRiskCompanyWire[];
  total: number;
  contractValueAtRisk: number;
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
  const { companies, total, contractValueAtRisk, portalId, t, format } = props;
  const speech = { t, format };
  return (
    <Tile>
      <Flex direction="column" gap="sm">
        <Heading>{t('home.atRisk.title')}</Heading>
        {total === 0 ? (
          <Text>{t('home.atRisk.empty')}</Text>
        ) : (
          <>
            <Text testId="at-risk-summary">
              {t('home.atRisk.summary', {
                count: total,
                value: formatNumber(contractValueAtRisk, format),
              })}
            </Text>
            {props.loadingPage ? <LoadingSpinner label={t('home.atRisk.loadingPage')} /> : null}
            <Table
              testId="at-risk-table"
              paginated
              page={props.page}
              pageCount={props.pageCount}
              onPageChange={props.onPageChange}
              showButtonLabels
            >
              <TableHead>
                <TableRow>
                  <TableHeader>{t('home.column.company')}</TableHeader>
                  <TableHeader>{t('home.column.score')}</TableHeader>
                  <TableHeader>{t('home.column.driver')}</TableHeader>
                  <TableHeader>{t('home.column.owner')}</TableHeader>
                  <TableHeader align="right">{t('home.column.contractValue')}</TableHeader>
                  <TableHeader>{t('home.column.renewal')}</TableHeader>
                </TableRow>
              </TableHead>
              <TableBody>
                {companies.map((company) => (
                  <TableRow key={company.companyId}>
                    <TableCell>
                      <CompanyLink company={company} portalId={portalId} t={t} />
                    </TableCell>
                    <TableCell>{formatScore(company.score, speech)}</TableCell>
                    <TableCell>{driverText(company, speech)}</TableCell>
                    <TableCell>{company.owner?.name ?? t('home.owner.none')}</TableCell>
                    <TableCell align="right">{formatAmount(company.contractValue, speech)}</TableCell>
                    <TableCell>
                      {company.renewalDate === null
                        ? t('home.value.none')
                        : formatDay(company.renewalDate, format)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        )}
      </Flex>
    </Tile>
  );
}
