import { Flex, Select, StatusTag, Text } from '@hubspot/ui-extensions';
import { formatDate, formatNumber } from '@harbor/i18n';
import type { OpenSignalRowWire, OpenSignalsWire } from '@harbor/wire';
import { useState } from 'react';

import { SectionTable } from '../components/SectionTable.tsx';
import { CompanyLink } from '../portfolio/CompanyLink.tsx';
import type { Speech } from '../portfolio/portfolio-format.ts';
import { orderSignals, ownersOf, type OwnerFilter, type SignalOrder } from './open-signals-order.ts';

const DAY_MS = 86_400_000;
const noOwner = 'none';
const allOwners = 'all';

const severityVariant = {
  low: 'default',
  medium: 'info',
  high: 'warning',
  critical: 'danger',
} as const;

function toFilter(value: string): OwnerFilter {
  if (value === allOwners) return { kind: 'all' };
  if (value === noOwner) return { kind: 'none' };
  return { kind: 'owner', ownerId: value };
}

export interface OpenSignalsViewProps extends Speech {
  signals: OpenSignalsWire;
  portalId: number;
}

/** The open signals table with its sort and owner choices; each company opens its record. */
export function OpenSignalsView({ signals, portalId, t, format }: OpenSignalsViewProps) {
  const [order, setOrder] = useState<SignalOrder>('age');
  const [owner, setOwner] = useState<string>(allOwners);
  const rows = orderSignals(signals.rows, order, toFilter(owner));
  const asOf = Date.parse(signals.generatedAt);
  const owners = ownersOf(signals.rows);
  const hasUnowned = signals.rows.some((row) => row.signal.ownerId === null);
  const ownerName = (row: OpenSignalRowWire) => row.ownerName ?? row.signal.ownerId ?? t('review.owner.none');
  return (
    <Flex direction="column" gap="md">
      <Text>{t('review.signals.intro')}</Text>
      <Flex direction="row" gap="md">
        <Select
          testId="signal-order"
          name="signal-order"
          label={t('review.signals.sort')}
          value={order}
          options={(['age', 'severity', 'owner'] as const).map((value) => ({
            value,
            label: t(`review.signals.sort.${value}`),
          }))}
          onChange={(value) => {
            setOrder(String(value) as SignalOrder);
          }}
        />
        <Select
          testId="signal-owner"
          name="signal-owner"
          label={t('review.signals.owner')}
          value={owner}
          options={[
            { value: allOwners, label: t('review.signals.owner.all') },
            ...owners.map((entry) => ({ value: entry.ownerId, label: entry.name })),
            ...(hasUnowned ? [{ value: noOwner, label: t('review.owner.none') }] : []),
          ]}
          onChange={(value) => {
            setOwner(String(value));
          }}
        />
      </Flex>
      <SectionTable
        title={t('review.signals.title')}
        emptyText={signals.rows.length === 0 ? t('review.signals.empty') : t('review.signals.ownerEmpty')}
        testId="open-signals-table"
        columns={[
          {
            header: t('review.column.company'),
            cell: (row) => (
              <CompanyLink
                company={{ companyId: row.signal.companyId, name: row.companyName }}
                portalId={portalId}
                t={t}
              />
            ),
          },
          { header: t('review.column.type'), cell: (row) => t(`signal.type.${row.signal.type}`) },
          {
            header: t('review.column.severity'),
            cell: (row) => (
              <StatusTag variant={severityVariant[row.signal.severity]}>
                {t(`signal.severity.${row.signal.severity}`)}
              </StatusTag>
            ),
          },
          {
            header: t('review.column.statusOf'),
            cell: (row) =>
              row.signal.escalatedAt !== null && row.signal.actionStartedAt === null
                ? `${t(`signal.status.${row.signal.status}`)} · ${t('signal.escalated')}`
                : t(`signal.status.${row.signal.status}`),
          },
          { header: t('review.column.owner'), cell: ownerName },
          {
            header: t('review.column.age'),
            cell: (row) =>
              t('review.age', {
                count: Math.max(0, Math.floor((asOf - Date.parse(row.signal.openedAt)) / DAY_MS)),
              }),
          },
          {
            header: t('review.column.due'),
            cell: (row) =>
              row.signal.overdue
                ? t('signal.due.overdue', { date: formatDate(row.signal.dueAt, format) })
                : formatDate(row.signal.dueAt, format),
          },
        ]}
        rows={rows}
        rowKey={(row) => String(row.signal.id)}
        footer={
          signals.total > signals.rows.length ? (
            <Text variant="microcopy">
              {t('review.signals.more', {
                shown: formatNumber(signals.rows.length, format),
                total: formatNumber(signals.total, format),
              })}
            </Text>
          ) : null
        }
      />
    </Flex>
  );
}
