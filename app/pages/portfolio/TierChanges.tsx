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
import { formatDate } from '@harbor/i18n';
import type { HomeTierChangeWire } from '@harbor/wire';

import { CompanyLink } from './CompanyLink.tsx';
import { ListMore } from './ListMore.tsx';
import { formatScore, tierName, type Speech } from './portfolio-format.ts';

/** Companies whose tier changed in the last 7 days, newest first, with where they came from. */
export function TierChanges({
  companies,
  total,
  portalId,
  t,
  format,
}: { companies: readonly HomeTierChangeWire[]; total: number; portalId: number } & Speech) {
  return (
    <Tile>
      <Flex direction="column" gap="sm">
        <Heading>{t('home.changes.title')}</Heading>
        {companies.length === 0 ? (
          <Text>{t('home.changes.empty')}</Text>
        ) : (
          <Table testId="tier-changes-table">
            <TableHead>
              <TableRow>
                <TableHeader>{t('home.column.company')}</TableHeader>
                <TableHeader>{t('home.column.change')}</TableHeader>
                <TableHeader>{t('home.column.changedOn')}</TableHeader>
                <TableHeader>{t('home.column.score')}</TableHeader>
              </TableRow>
            </TableHead>
            <TableBody>
              {companies.map((change) => (
                <TableRow key={change.companyId}>
                  <TableCell>
                    <CompanyLink company={change} portalId={portalId} t={t} />
                  </TableCell>
                  <TableCell>
                    {t('home.changes.fromTo', { from: tierName(change.from, t), to: tierName(change.to, t) })}
                  </TableCell>
                  <TableCell>{formatDate(change.changedAt, format)}</TableCell>
                  <TableCell>{formatScore(change.score, { t, format })}</TableCell>
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
