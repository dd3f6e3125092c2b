import { Text } from '@hubspot/ui-extensions';
import { formatDate } from '@harbor/i18n';
import type { SignalWire } from '@harbor/wire';

import { SectionTable } from '../components/SectionTable.tsx';
import { CompanyLink } from '../portfolio/CompanyLink.tsx';
import type { Speech } from '../portfolio/portfolio-format.ts';

export interface EscalatedRisksProps extends Speech {
  signals: readonly SignalWire[];
  /** Names the review knows (from the plans), by company id and owner id. */
  companyNames: ReadonlyMap<string, string | null>;
  ownerNames: ReadonlyMap<string, string | null>;
  portalId: number;
}

/** The top of the review: risks that had no action by their due date and went to the CS lead. */
export function EscalatedRisks({
  signals,
  companyNames,
  ownerNames,
  portalId,
  t,
  format,
}: EscalatedRisksProps) {
  return (
    <SectionTable
      title={t('review.escalated.title')}
      emptyText={t('review.escalated.empty')}
      testId="escalated-table"
      intro={<Text>{t('review.escalated.summary', { count: signals.length })}</Text>}
      columns={[
        {
          header: t('review.column.company'),
          cell: (signal) => (
            <CompanyLink
              company={{ companyId: signal.companyId, name: companyNames.get(signal.companyId) ?? null }}
              portalId={portalId}
              t={t}
            />
          ),
        },
        { header: t('review.column.signal'), cell: (signal) => t(`signal.type.${signal.type}`) },
        { header: t('review.column.severity'), cell: (signal) => t(`signal.severity.${signal.severity}`) },
        {
          header: t('review.column.owner'),
          cell: (signal) =>
            (signal.ownerId === null ? null : ownerNames.get(signal.ownerId)) ?? t('review.owner.none'),
        },
        {
          header: t('review.column.due'),
          cell: (signal) => t('signal.due.overdue', { date: formatDate(signal.dueAt, format) }),
        },
      ]}
      rows={signals}
      rowKey={(signal) => String(signal.id)}
    />
  );
}
