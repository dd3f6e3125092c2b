import {
  Flex,
  Heading,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
  Tile,
} from '@hubspot/ui-extensions';
import { daysUntil } from '@harbor/i18n';
import type { HomeRenewalWire } from '@harbor/wire';

import { CompanyLink } from './CompanyLink.tsx';
import { ListMore } from './ListMore.tsx';
import { formatAmount, formatDay, type Speech } from './portfolio-format.ts';
import { TierTag } from './TierTag.tsx';

/** Renewals of the next 90 days, soonest first, each with the tier its company is in. */
export function UpcomingRenewals({
  companies,
  total,
  portalId,
  asOf,
  t,
  format,
}: {
  companies: readonly HomeRenewalWire[];
  total: number;
  portalId: number;
  /** The moment the view was made (ISO): "in N days" counts from it, in the portal's zone. */
  asOf: string;
} & Speech) {
  return (
    <Tile>
      <Flex direction="column" gap="sm">
        <Heading>{t('home.renewals.title')}</Heading>
        {companies.length === 0 ? (
          <Text>{t('home.renewals.empty')}</Text>
        ) : (
          <Table testId="renewals-table">
            <TableHead>
              <TableRow>
                <TableHeader>{t('home.column.company')}</TableHeader>
                <TableHeader>{t('home.column.renewal')}</TableHeader>
                <TableHeader>{t('home.column.tier')}</TableHeader>
                <TableHeader align="right">{t('home.column.contractValue')}</TableHeader>
              </TableRow>
            </TableHead>
            <TableBody>
              {companies.map((renewal) => (
                <TableRow key={renewal.companyId}>
                  <TableCell>
                    <CompanyLink company={renewal} portalId={portalId} t={t} />
                  </TableCell>
                  <TableCell>
                    {t('home.renewals.when', {
                      date: formatDay(renewal.renewalDate, format),
                      count: Math.max(0, daysUntil(renewal.renewalDate, new Date(asOf), format.timeZone)),
                    })}
                  </TableCell>
                  <TableCell>
                    <TierTag tier={renewal.tier} t={t} />
                  </TableCell>
                  <TableCell align="right">{formatAmount(renewal.contractValue, { t, format })}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        <ListMore shown={companies.length} total={total} t={t} format={format} />
      </Flex>
    </Tile>
  );
}
