import { formatDate } from '@harbor/i18n';
import type { HomeTierChangeWire } from '@harbor/wire';

import { SectionTable } from '../components/SectionTable.tsx';
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
    <SectionTable
      title={t('home.changes.title')}
      emptyText={t('home.changes.empty')}
      testId="tier-changes-table"
      columns={[
        {
          header: t('home.column.company'),
          cell: (change) => <CompanyLink company={change} portalId={portalId} t={t} />,
        },
        {
          header: t('home.column.change'),
          cell: (change) =>
            t('home.changes.fromTo', { from: tierName(change.from, t), to: tierName(change.to, t) }),
        },
        { header: t('home.column.changedOn'), cell: (change) => formatDate(change.changedAt, format) },
        { header: t('home.column.score'), cell: (change) => formatScore(change.score, { t, format }) },
      ]}
      rows={companies}
      rowKey={(change) => change.companyId}
      footer={<ListMore shown={companies.length} total={total} t={t} format={format} />}
    />
  );
}
