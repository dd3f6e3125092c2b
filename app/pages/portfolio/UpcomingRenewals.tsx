import { daysUntil } from '@harbor/i18n';
import type { HomeRenewalWire } from '@harbor/wire';

import { SectionTable } from '../components/SectionTable.tsx';
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
  currency,
  t,
  format,
}: {
  companies: readonly HomeRenewalWire[];
  total: number;
  portalId: number;
  /** The moment the view was made (ISO): "in N days" counts from it, in the portal's zone. */
  asOf: string;
  /** The portal's company currency, which every contract value is in. */
  currency: string | null;
} & Speech) {
  return (
    <SectionTable
      title={t('home.renewals.title')}
      emptyText={t('home.renewals.empty')}
      testId="renewals-table"
      columns={[
        {
          header: t('home.column.company'),
          cell: (renewal) => <CompanyLink company={renewal} portalId={portalId} t={t} />,
        },
        {
          header: t('home.column.renewal'),
          cell: (renewal) =>
            t('home.renewals.when', {
              date: formatDay(renewal.renewalDate, format),
              count: Math.max(0, daysUntil(renewal.renewalDate, new Date(asOf), format.timeZone)),
            }),
        },
        { header: t('home.column.tier'), cell: (renewal) => <TierTag tier={renewal.tier} t={t} /> },
        {
          header: t('home.column.contractValue'),
          align: 'right',
          cell: (renewal) => formatAmount(renewal.contractValue, currency, { t, format }),
        },
      ]}
      rows={companies}
      rowKey={(renewal) => renewal.companyId}
      footer={<ListMore shown={companies.length} total={total} t={t} format={format} />}
    />
  );
}
