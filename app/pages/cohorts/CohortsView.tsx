import {
  Button,
  EmptyState,
  Flex,
  Heading,
  LineChart,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import { formatNumber } from '@harbor/i18n';
import type { CohortReportWire } from '@harbor/wire';
import { useState } from 'react';

import type { Speech } from '../portfolio/portfolio-format.ts';
import {
  cohortName,
  countText,
  dayText,
  detailColumns,
  lifetimeText,
  survivalPoints,
  survivalText,
} from './cohort-format.ts';

export interface CohortsViewProps extends Speech {
  report: CohortReportWire;
  reload: () => void;
}

/** The cohort report from one answer: the two survival charts, the medians, and the table behind them. */
export function CohortsView({ report, reload, t, format }: CohortsViewProps) {
  const speech = { t, format };
  const [picked, setPicked] = useState('all');
  if (report.cohorts.length === 0) {
    return (
      <EmptyState title={t('cohorts.empty.title')} imageName="emptyStateCharts" layout="vertical">
        <Flex direction="column" gap="sm">
          <Text>{t('cohorts.empty.body')}</Text>
          <Button onClick={reload}>{t('cohorts.empty.retry')}</Button>
        </Flex>
      </EmptyState>
    );
  }
  const shown = report.cohorts.find((cohort) => cohort.cohort === picked) ?? report.cohorts.at(-1);
  const shownName = shown?.cohort ?? 'all';
  const axes = (label: string) => ({
    x: { field: 'age', fieldType: 'linear' as const, label: t('cohorts.axis.age') },
    y: { field: 'survival', fieldType: 'linear' as const, label },
    options: { groupFieldByColor: 'cohort' },
  });
  return (
    <Flex direction="column" gap="md">
      <Text>{t('cohorts.intro')}</Text>
      <Text variant="microcopy" testId="cohorts-window">
        {t('cohorts.window', {
          from: dayText(report.from, speech),
          to: dayText(report.to, speech),
          asOf: dayText(report.asOf, speech),
        })}
      </Text>
      <LineChart
        data={survivalPoints(report.cohorts, 'logoSurvival', speech)}
        axes={axes(t('cohorts.axis.survival'))}
        options={{ title: t('cohorts.chart.logos'), showLegend: true, showTooltips: true }}
        testId="cohorts-logo-chart"
      />
      <LineChart
        data={survivalPoints(report.cohorts, 'revenueSurvival', speech)}
        axes={axes(t('cohorts.axis.revenueSurvival'))}
        options={{ title: t('cohorts.chart.revenue'), showLegend: true, showTooltips: true }}
        testId="cohorts-revenue-chart"
      />
      <Text variant="microcopy">{t('cohorts.chart.revenueHelp')}</Text>
      <Heading>{t('cohorts.summary.title')}</Heading>
      <Text variant="microcopy">{t('cohorts.summary.help')}</Text>
      <Table testId="cohorts-summary" bordered>
        <TableHead>
          <TableRow>
            <TableHeader>{t('cohorts.column.cohort')}</TableHeader>
            <TableHeader>{t('cohorts.column.customers')}</TableHeader>
            <TableHeader>{t('cohorts.column.active')}</TableHeader>
            <TableHeader>{t('cohorts.column.startingRevenue')}</TableHeader>
            <TableHeader>{t('cohorts.column.median')}</TableHeader>
            <TableHeader>{t('cohorts.column.revenueMedian')}</TableHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {report.cohorts.map((cohort) => (
            <TableRow key={cohort.cohort}>
              <TableCell>{cohortName(cohort, speech)}</TableCell>
              <TableCell>{countText(cohort.customers, speech)}</TableCell>
              <TableCell>{countText(cohort.active, speech)}</TableCell>
              <TableCell>{formatNumber(cohort.startingRevenue, format)}</TableCell>
              <TableCell>{lifetimeText(cohort.medianLifetimeQuarters, speech)}</TableCell>
              <TableCell>{lifetimeText(cohort.revenueMedianLifetimeQuarters, speech)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Heading>{t('cohorts.detail.title')}</Heading>
      <Text variant="microcopy">{t('cohorts.detail.help')}</Text>
      <Select
        testId="cohorts-pick"
        name="cohort"
        label={t('cohorts.detail.pick')}
        options={report.cohorts.map((cohort) => ({
          label: cohortName(cohort, speech),
          value: cohort.cohort,
        }))}
        value={shownName}
        onChange={(value) => {
          setPicked(String(value));
        }}
      />
      <Table testId="cohorts-detail" bordered>
        <TableHead>
          <TableRow>
            {detailColumns.map((key) => (
              <TableHeader key={key}>{t(key)}</TableHeader>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {(shown?.ages ?? []).map((row) => (
            <TableRow key={row.age}>
              <TableCell>{countText(row.age, speech)}</TableCell>
              <TableCell>{countText(row.atRisk, speech)}</TableCell>
              <TableCell>{countText(row.events, speech)}</TableCell>
              <TableCell>{countText(row.censored, speech)}</TableCell>
              <TableCell>{survivalText(row.logoSurvival, speech)}</TableCell>
              <TableCell>{survivalText(row.revenueSurvival, speech)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Flex>
  );
}
