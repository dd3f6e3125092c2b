import type { CompanyViewWire } from '@harbor/wire';
import { Flex, ScoreCircle, StatisticsTrend, Tag, Text } from '@hubspot/ui-extensions';
import { CrmActionLink } from '@hubspot/ui-extensions/crm';

import {
  indicatorLabel,
  indicatorValue,
  points,
  tierLabel,
  tierVariant,
  trendProps,
  type TextTools,
} from './company-text.ts';
import type { CompanyRecord } from './HealthActions.tsx';
import { NoScoreState } from './NoScoreState.tsx';
import { sidebarPlaybookLine } from './playbook-text.ts';
import { signalCountLine } from './signal-text.ts';

/**
 * The sidebar's glance: score, tier, the week's trend and the biggest drag, and a way to the full tab. Only
 * standard components and CrmActionLink: the sidebar location declares no other CRM components.
 */
export function SidebarSummary({
  view,
  record,
  tools,
}: {
  view: CompanyViewWire;
  record: CompanyRecord;
  tools: TextTools;
}) {
  const { t, format } = tools;
  const { score } = view;
  const openTab = (
    <CrmActionLink actionType="RECORD_APP_LINK" actionContext={{ ...record, includeEschref: true }}>
      {t('company.sidebar.openTab')}
    </CrmActionLink>
  );
  const signalCount = signalCountLine(view.signals, tools);
  const playbookLine = sidebarPlaybookLine(view.playbooks, tools);
  const signals = (
    <>
      {signalCount !== null && (
        <Text format={{ fontWeight: 'demibold' }} testId="signal-count">
          {signalCount}
        </Text>
      )}
      {playbookLine !== null && <Text testId="playbook-line">{playbookLine}</Text>}
    </>
  );
  if (score === null) {
    return (
      <Flex direction="column" gap="sm">
        <Text format={{ fontWeight: 'demibold' }} testId="empty-title">
          {t(`company.empty.${view.noScoreReason ?? 'not_scored'}.title`)}
        </Text>
        <Text variant="microcopy">{t(`company.empty.${view.noScoreReason ?? 'not_scored'}.body`)}</Text>
        {signals}
        {openTab}
      </Flex>
    );
  }
  const week = score.trend.d7;
  const driver = score.topDriver;
  return (
    <Flex direction="column" gap="sm">
      <Flex direction="row" gap="sm" align="center">
        <ScoreCircle score={Math.round(score.score ?? 0)} testId="health-score" />
        <Flex direction="column" gap="xs">
          {score.tier !== null && (
            <Tag variant={tierVariant(score.tier)} testId="health-tier">
              {tierLabel(score.tier, tools)}
            </Tag>
          )}
          {week !== null && week !== 0 && (
            <Flex direction="row" gap="xs" align="center">
              <StatisticsTrend {...trendProps(week, format)} />
              <Text variant="microcopy" testId="trend-d7">
                {t('company.sidebar.trend7', { change: trendProps(week, format).value })}
              </Text>
            </Flex>
          )}
        </Flex>
      </Flex>
      {score.pendingTier !== null && (
        <Text variant="microcopy" testId="pending-tier">
          {t('company.score.pendingTier', {
            tier: tierLabel(score.pendingTier, tools),
            days: view.model.minDwellDays,
          })}
        </Text>
      )}
      <Text testId="top-driver">
        {driver === null
          ? t('company.driver.none')
          : t('company.driver.sentence', {
              label: indicatorLabel(driver.indicator, driver.label, tools),
              value: indicatorValue(driver.indicator, driver.value, tools),
              points: points(driver.pointsLost, format),
            })}
      </Text>
      {signals}
      {openTab}
    </Flex>
  );
}

/** The sidebar when Harbor does not know the company yet. */
export function SidebarNotFound({ tools }: { tools: TextTools }) {
  return (
    <NoScoreState
      reason="not_found"
      dataGaps={[]}
      windowDays={0}
      isRescoring={false}
      onRescore={() => undefined}
      tools={tools}
    />
  );
}
